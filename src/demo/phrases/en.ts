import { CURRENCY_SYMBOL, DAY_OF_MONTH, MONTH_INDEX, WEEKDAY_INDEX, digitsToWords, groupThousands, type Bank } from './bank';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function spokenEnglish(digits: string): string {
  // "double seven", "oh" for zero: how a British or American dealer dictates a number
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (digits[i + 1] === digits[i]) {
      out.push(`double ${d === 0 ? 'oh' : DIGITS[d]}`);
      i++;
    } else out.push(d === 0 ? 'oh' : (DIGITS[d] as string));
  }
  return out.join(' ');
}

const SMALL_PARCEL_ASK = ['How much is insured shipping to {buyerCity}?', 'Do you ship fully insured to {buyerCountry}?'];
const SMALL_PARCEL_ANSWER = ['Fully insured express shipping to {buyerCity} is {shipPrice}, signature on delivery; it takes {days} working days.', 'We ship with {carrier}, insured for the full value: {shipPrice}, {days} working days.'];

export const en: Bank = {
  lang: 'en',
  fmt: {
    price(major, currency, style) {
      const sym = CURRENCY_SYMBOL[currency];
      const n = groupThousands(major, ',');
      if (style === 1) return `${n} ${currency}`;
      if (style === 2 && major >= 1000 && major % 100 === 0) return `${sym ?? currency + ' '}${major / 1000}k`;
      if (style === 3) return sym ? `${sym}${major}` : `${major} ${currency}`;
      return sym ? `${sym}${n}` : `${currency} ${n}`;
    },
    circa: (y) => `circa ${y}`,
    date(ms, us) {
      const wd = DAYS[WEEKDAY_INDEX(ms)];
      const m = MONTHS[MONTH_INDEX(ms)];
      const d = DAY_OF_MONTH(ms);
      return us ? `${wd}, ${m} ${d}` : `${wd} ${d} ${m}`;
    },
    digitWords: (digits, variant) => (variant % 2 === 0 ? spokenEnglish(digits) : digitsToWords(digits, DIGITS, '-')),
    at: ['at', '(at)', '[at]', 'AT'],
    dot: ['dot', '(dot)', '[dot]', 'DOT'],
  },
  projectTypes: ['townhouse renovation', 'hotel lobby', 'penthouse', 'country house', 'private members’ club', 'beach house', 'restaurant'],
  rooms: ['library', 'dining room', 'entrance hall', 'study', 'living room', 'bedroom'],
  greetBuyer: ['Hello,', 'Hi,', 'Hi {sellerFirst},', 'Good morning,', 'Hello {sellerFirst},', 'Dear {gallery},', 'Hi there,', ''],
  greetSeller: ['Hello {buyerFirst},', 'Dear {buyerFirst},', 'Hi {buyerFirst},', 'Good afternoon {buyerFirst},', 'Thank you for your message!', 'Hello,', ''],
  signBuyer: ['Best, {buyerFirst}', 'Thanks, {buyerFirst}', 'Kind regards, {buyerFirst}', 'Many thanks', '{buyerFirst}', '', '', ''],
  signSeller: ['Best regards, {sellerFirst}', '{sellerFirst} – {gallery}', 'Kind regards, {sellerFirst} ({gallery})', 'All best, {sellerFirst}', '', ''],
  open: [
    'Is {item} still available?',
    'I’m very interested in {item} (“{title}”).',
    'I came across {item} and I love it.',
    'Could you tell me a bit more about {item}?',
    'Is the {maker} piece still for sale?',
    'I saw {item} at a fair earlier this year and I’m glad to find it here.',
    'Quick question about {item}.',
    'Is {item} available to ship soon?',
  ],
  openDesigner: [
    'I’m an interior designer working on a {projectType} in {buyerCity}.',
    'I’m sourcing for a client project in {buyerCity} and {item} could be perfect.',
    'We’re a design studio furnishing a {projectType} and I’m putting together options for the client.',
    'My client has asked me to find something special for their {room}.',
  ],
  openCollector: [
    'I’ve been looking for one of these for a while.',
    'I collect {maker} and this would complete a small group.',
    'I have a few pieces from this period at home and this would fit beautifully.',
    'This is for my own home in {buyerCity}.',
  ],
  available: [
    'Yes, it’s still available.',
    'Thank you for your interest — yes, {item} is available.',
    'It’s still available, and it’s one of my favourite pieces at the moment.',
    'Yes, still here. Happy to answer any questions.',
  ],
  ask: {
    condition: ['How is the condition overall?', 'Could you describe the condition in a bit more detail?', 'Are there any flaws I should know about that aren’t visible in the photos?'],
    provenance: ['Do you know anything about the provenance?', 'Where does the piece come from?', 'Is there any history or documentation that comes with it?'],
    dimensions: ['Could you confirm the exact dimensions?', 'What are the exact measurements? I need to check it fits.', 'Would it go through a standard 80 cm door?'],
    shipping: ['Could you give me a shipping quote to {buyerCity}?', 'How much would white-glove delivery to {buyerCity} be?', 'How would you ship it to {buyerCountry}, and how long would it take?', 'Do you offer white-glove delivery including unpacking and placement in {buyerCity}?'],
    photos: ['Could you add a few more photos, especially of the back and any marks?', 'Would you be able to post pictures of the underside?', 'Could you upload a close-up of the signature or maker’s mark?'],
    trade: ['Do you offer a trade discount?', 'Is there a designer discount on this?', 'I’m trade — is there any flexibility for the trade?'],
    authenticity: ['Can you guarantee it’s authentic?', 'Does it come with a certificate of authenticity?', 'Has it been authenticated?'],
    attribution: ['Is it an original {maker} or a later production?', 'Is this a period example or a reissue?', 'Which manufacturer produced it?'],
    sizing: ['What size is it? I’m a {buyerRing}.', 'Could it be resized to {buyerRing}?'],
    papers: ['Does it come with box and papers?', 'Are there any service papers?'],
    viewing: ['Would it be possible to see it in person?', 'Is it on display anywhere I could see it?'],
  },
  askCat: {
    furniture: {
      condition: ['Has it been restored or refinished at any point?', 'Any veneer losses, repairs or wobbles?', 'Is the finish original? I can see some marks on the top in one of the photos.', 'How is the upholstery — original, or has it been redone?'],
      dimensions: ['What’s the seat height?', 'Could you confirm the depth? My space is quite tight.'],
    },
    lighting: {
      condition: ['Has it been rewired? I’d need it to work in {buyerCountry}.', 'Are all the glass elements original and free of chips?', 'Does it come with the canopy and chain? What bulbs does it take?', 'Is the brass polished or does it have its original patina?'],
      dimensions: ['What’s the total drop including the chain?', 'How tall is it exactly, and can the height be adjusted?'],
    },
    art: {
      condition: ['Has the canvas been relined or restored?', 'Is there any foxing or toning on the paper?', 'Is the frame original to the work?'],
      provenance: ['Is there an exhibition history?', 'Is the work recorded in a catalogue raisonné?', 'Do you know where it was acquired?'],
      dimensions: ['What is the size with the frame?'],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ASK,
      condition: ['Are all the stones original?', 'Is it hallmarked?', 'Any wear to the settings or the clasp?'],
      authenticity: ['Is there a gemmological report for the main stone?', 'Does it come with the original box and certificate?'],
    },
    watches: {
      shipping: SMALL_PARCEL_ASK,
      condition: ['When was it last serviced?', 'Is the dial original, and has the case been polished?', 'How is it running? Any service history?'],
      sizing: ['Will the bracelet fit my wrist? It’s {wrist}.', 'Are there any extra links?'],
    },
  },
  answer: {
    condition: ['It’s in very good condition for its age, with light wear consistent with use.', 'Honest condition: a few small marks, nothing structural. I’ve added close-ups to the listing.', 'Excellent condition — it has been checked by our workshop.'],
    provenance: ['It comes from a private collection in {provCity}; we bought it directly from the family.', 'We acquired it at {auction} (lot {lot}, {auctionYear}) and I have the invoice.', 'It has been in the same family since it was bought new in {purchaseYear}; we have the original receipt.', 'It came from an estate in {provCity}. I can write a full description with our gallery certificate.'],
    dimensions: ['Dimensions: {dims}.', 'Exactly {dims}. I measured it again this morning.', 'It’s {dims} — happy to send a photo with a tape measure.'],
    shipping: ['White-glove delivery to {buyerCity} would be {shipPrice}, fully insured, about {weeks} weeks.', 'We’d crate it and send it with our fine-art shipper: {shipPrice} door to door to {buyerCity}, around {weeks} weeks.', 'Shipping to {buyerCountry} is {shipPrice} including crating and insurance; lead time {weeks} weeks.', 'I got a quote this morning: {shipPrice} to {buyerCity}, white glove, {weeks} weeks or so.'],
    photos: ['I’ve just added {photosN} more photos to the listing, including the back and the marks.', 'Done — new photos are on the listing now.', 'I’ll take some in daylight tomorrow and add them to the listing.'],
    trade: ['Yes, we offer {pct}% to the trade; I’ll apply it when I send you the offer.', 'For designers we can do {pct}% off the listed price.', 'We usually give {pct}% to the trade, yes.'],
    authenticity: ['Yes, fully guaranteed — and it’s covered by the platform’s authenticity guarantee too.', 'Absolutely. It comes with our certificate of authenticity describing it in full.', 'Yes, it has been examined by a specialist and I’m happy to put that in writing on the invoice.'],
    attribution: ['It’s an original period example, made by {producer}, {circa}.', 'Original, not a reissue — it retains {mark}.', 'It’s period: {producer}, {circa}. You can see the mark in the last photo.'],
    sizing: ['It’s currently a US {ringUs} (EU {ringEu}); our jeweller can resize it to a {buyerRing} free of charge.', 'It’s a {ringEu} in European sizing; resizing by a size or two is no problem.'],
    papers: ['It comes with the original box and papers dated {paperYear}.', 'No papers, but it was serviced in {serviceYear} and I have the receipt.'],
    viewing: ['Of course — the piece is in our gallery in {sellerCity}. You can book a viewing time through the platform.', 'Yes, it’s on display at our {sellerCity} showroom; let me know when you’re in town.'],
  },
  answerCat: {
    furniture: {
      condition: ['It’s structurally sound, with light wear to the finish consistent with age — no repairs.', 'It was restored by our workshop last year: joints re-glued and a light wax; otherwise the finish is original.', 'There is a small veneer repair on one side (visible in the sixth photo) and some ring marks on the top, which we’ve left as patina.', 'The upholstery was redone some years ago and is clean, no tears or stains. The frame is solid.', 'Original finish with a lovely patina. One drawer runner was replaced, otherwise all original hardware.'],
      dimensions: ['Overall {dims}.', 'Overall {dims}, measured at the widest points.'],
    },
    lighting: {
      condition: ['It has been fully rewired with new sockets and is ready to install; we can fit it for {buyerCountry}.', 'All glass is original. There’s one tiny flea bite on the rim of one shade, invisible once hung.', 'It takes small E14 bulbs. Canopy and chain are original; the chain can be shortened.', 'The brass has its original patina — we haven’t polished it. The wiring was checked by our electrician.'],
    },
    art: {
      condition: ['In good condition overall. The canvas was relined at some point; there is minor retouching along the upper edge under UV.', 'The sheet has light toning from old framing but no foxing or tears.', 'The frame is a later gilded frame in good condition; the work itself is clean.'],
      provenance: ['Private collection, {provCity}, acquired from the artist’s family. Exhibited locally in the 1970s according to the label on the back.', 'It was sold at {auction} in {auctionYear}, lot {lot}; the catalogue entry is available.'],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ['It is {hallmark}. The stones are original and the claws were checked and re-tipped by our goldsmith.', 'Very good condition, light surface wear to the gold consistent with age; {hallmark}.', 'Excellent condition — it was professionally cleaned and checked last month.'],
      authenticity: ['Yes, there’s a laboratory report for the main stone — I can upload it to the listing.', 'It comes with the original box; the certificate is included.'],
    },
    watches: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ['Serviced in {serviceYear} by an independent watchmaker; running at +3 s/day. Dial and hands are original.', 'The dial is original and untouched; the case has been lightly polished once, lugs are still sharp.', 'Full service in {serviceYear}, new gaskets, water-tested. {ref}.'],
      sizing: ['The bracelet currently fits a wrist of about {wrist}, and there are two spare links.', 'It fits up to roughly 19 cm; we have one extra link.'],
    },
  },
  smallTalkSeller: ['It’s a really special piece.', 'We don’t see these often in this condition.', 'It was one of the highlights of our stand at the last fair.', ''],
  thanks: ['Thank you, very helpful.', 'Great, thanks for the quick reply.', 'Thanks so much.', 'Perfect, thank you.'],
  think: ['Let me discuss it with my client and come back to you.', 'I’ll think about it over the weekend.', 'I need to measure the space again — I’ll be in touch.', 'Thanks, I’ll let you know.'],
  noRush: ['Take your time — just let me know.', 'No rush at all.', 'Of course, I’m here if you have any other questions.'],
  offer: ['Would you consider {offer}?', 'My client’s budget is {offer} — is there any flexibility?', 'Could you do {offer} including shipping?', 'I can offer {offer} and check out today.', 'Would {offer} be acceptable?'],
  counter: ['I can’t go that low, but I could do {counter}.', 'The best I can do is {counter}; it’s already priced below comparable examples.', 'Could we meet at {counter}?', 'I could accept {counter}, shipping not included.'],
  raise: ['Could we settle at {offer}?', '{offer} and we have a deal?', 'Would you take {offer}? That’s really my limit.'],
  acceptOffer: ['OK, {final} it is.', 'Agreed at {final}.', 'Fine — {final}, you have a deal.'],
  acceptCounter: ['{final} works for me.', 'Deal at {final}.', 'OK, let’s do {final}.'],
  firm: ['Sorry, the price is firm on this one.', 'I’m afraid I can’t move on the price — it was only just consigned.', 'We’ve priced it tightly already, so I can’t go lower.'],
  walkAway: ['That’s beyond my budget unfortunately. Thank you anyway.', 'I’ll pass for now, but thank you for your time.', 'Understood — I’ll keep an eye on it.'],
  sellerOfferSent: ['I’ve sent you an offer at {final} through the platform — just accept it to check out.', 'You should see my offer for {final} in the chat now.', 'Offer sent at {final}. It’s valid for 48 hours.'],
  checkoutSoon: ['Perfect, I’ll complete the purchase now.', 'Accepted — checking out now.', 'Great, I’ll accept it this evening.', 'Thank you, paying now.'],
  buyNow: ['I’ve just bought it through the site!', 'Purchase done. Looking forward to receiving it.', 'Just checked out — thank you!'],
  orderThanks: ['Thank you for your order! We’ll prepare it for shipping this week.', 'Many thanks — the order is confirmed. I’ll keep you posted here about delivery.', 'Thank you! We’ll get it packed and booked with the shipper.'],
  deliveryPlan: ['Our white-glove team can deliver on {date}, between 9 am and 1 pm. Does that suit you?', 'The shipper has proposed {date} for delivery. Could you confirm?', 'We can collect on Monday and deliver on {date}.'],
  dateOk: ['{date} is perfect.', 'That works — someone will be at the house.', 'Yes, that’s fine, thank you.'],
  shipped: ['Your piece left our warehouse today with {carrier}. Tracking number: {tracking}.', 'Shipped! {carrier}, tracking {tracking}.', 'It’s on its way — {carrier} tracking {tracking}.'],
  arrived: ['Arrived safely — it looks even better in person. Thank you!', 'Delivered this morning, all perfect.', 'It’s here and my client is thrilled.'],
  glad: ['Wonderful, enjoy it!', 'So glad to hear it. Thank you again.', 'Great news — thank you for buying from us.'],
  cancelAsk: ['I’m so sorry, my client has changed their mind — could we cancel the order?', 'I need to cancel, unfortunately — the measurements don’t work after all.'],
  cancelAck: ['No problem, I’ve cancelled the order; the refund will be processed by the platform.', 'Understood, the order is cancelled.'],
  returnAsk: ['It arrived, but there’s a crack that wasn’t visible in the photos. I’d like to return it.', 'Unfortunately it isn’t as described — there’s damage to one corner. Can I return it?'],
  returnAck: ['I’m very sorry. Please open a return on the order page and we’ll refund you once it’s back.', 'So sorry about that. I’ve approved the return; the refund goes through the platform.'],
  lateAsk: ['Is this still available?', 'Do you still have {item}?'],
  soldSorry: ['Sorry, it sold last week. I have a similar one coming in soon — I’ll let you know here.', 'I’m afraid it has just been sold. Happy to look out for another one for you.'],
  nudge: ['Hello, just following up on my question above.', 'Any news on this?', 'Hi again — did you see my message?'],
  op: {
    phoneSeller: ['Honestly it’s easier to talk this through by phone — {phone}.', 'Ring me on {phone}, I’m at the gallery until 7.', 'If you like, call me directly: {phone}. We can sort out shipping and payment between us.', 'My mobile is {phone}, feel free to call or text.', 'Give me a call at {phone} and I’ll walk you through it.'],
    phoneBuyer: ['Can you call me? {phone}', 'Here’s my cell: {phone} — call any time after 10.', 'Text me on {phone}, I rarely check this app.'],
    phoneWords: ['My number is {phoneWords}.', 'Call me — {phoneWords}', '{phoneWords}, that’s my mobile (the site hides digits).'],
    phoneSpaced: ['Reach me at {phoneSpaced}', '{phoneSpaced} ← my cell, written like that because the site blocks numbers', 'Tel: {phoneSpaced}'],
    phoneSplitA: ['You can reach me on {phoneA}', 'My number starts {phoneA}', 'Call me at {phoneA}'],
    phoneSplitB: ['{phoneB}', '… {phoneB} (rest of the number)', 'then {phoneB}'],
    email: ['Email me at {email} and I’ll send you an invoice directly.', 'Write to {email} — I’ll send more pictures and we can agree the rest there.', 'You can reach me at {email}.'],
    emailObf: ['My email is {emailObf}', 'Drop me a line: {emailObf}', 'Email {emailObf} (written that way so it gets through)'],
    emailProvider: ['I’m {emailLocal} on {provider}, write to me there.', 'Find me on {provider}: {emailLocal}'],
    website: ['All our stock is on {website} — prices there are lower because there’s no platform fee.', 'You can buy it directly on {website}, it’s the same piece.', 'Have a look at {website}, we have our own checkout.'],
    searchHint: ['Just google “{gallery} {sellerCity}” — our number is on the first result.', 'Look us up online under {gallery}, you’ll find how to reach me.', 'We’re easy to find: {gallery}, {sellerCity}. Call the gallery and ask for me.'],
    whatsapp: ['WhatsApp me on {phone} and I’ll send you a video of it.', 'Easier on WhatsApp: {phone}', 'Send me a WhatsApp ({phone}) and we’ll finalise.'],
    instagram: ['Follow us on Instagram @{handle} and send me a DM there.', 'DM me on IG — @{handle}', 'We’re @{handle} on Instagram, message me there for a better price.'],
    telegram: ['I’m on Telegram: @{handle}', 'Message me on Telegram (@{handle}), it’s easier than this chat.'],
    iban: ['You can pay by bank transfer directly to {iban} (BIC {bic}), and I’ll knock off the commission.', 'Our bank details: IBAN {iban}, BIC {bic}, account name {gallery}. Once the transfer arrives I’ll ship.', 'Transfer to {iban} and it’s yours — no platform fees.'],
    bankTransfer: ['If you pay me by wire instead of through checkout, we both save the fees.', 'I can accept a direct bank transfer — I’ll send you the details privately.', 'We could skip the checkout and do a bank transfer; I’d take 10% off.'],
    paymentApp: ['I take Zelle or Venmo, whichever is easier for you.', 'PayPal friends and family works for me and avoids the site fees.', 'Zelle me and I’ll ship Monday.'],
    directDeal: ['Between us — if we do this off the site I can do {directPrice}.', 'The platform takes {pct}% from me. If we deal directly I’ll pass that on to you: {directPrice}.', 'Let’s keep the platform out of it — {directPrice} and we arrange shipping ourselves.', 'I’d rather not pay the commission on this one. Direct, I can do {directPrice}.'],
    contactRequest: ['Could you give me a phone number? I’d prefer to discuss by phone.', 'Do you have an email I could write to directly?', 'Is there a way to reach you outside this site?', 'What’s your WhatsApp? It’s easier for me to send photos of the room.'],
    buyerDirect: ['Would you sell it to me directly for {directPrice}, without going through the site?', 'If we skip the platform fees, could you do {directPrice}?', 'Can I pay you directly? I’d rather not use the site’s checkout.'],
    buyerAck: ['Great, I’ll call you this afternoon.', 'Perfect — I’ve just sent you an email.', 'Thanks, messaging you now.', 'Got it, speak soon.', 'OK, I’ll WhatsApp you tonight.'],
    sellerAck: ['Perfect, speak soon.', 'Great — talk later.', 'Wonderful, I’ll wait for your call.'],
    sellerRefuses: ['Sorry, I have to keep everything on the platform — it protects both of us.', 'I’d prefer we stay on here; payment through the site is the only way I sell.', 'Thanks, but we can’t do that — it’s against the marketplace’s rules. Happy to answer anything here.', 'Let’s keep the conversation here, please. You can send an offer through the site.'],
    buyerRefuses: ['I’d rather pay through the site, for the buyer protection.', 'Thanks, but I’ll stick to the platform checkout.', 'I prefer to keep it on here, if that’s OK.'],
    futureDirect: ['For your next purchases, contact me directly at {email} — I can do much better prices than here.', 'Next time skip the site and call me on {phone}; I’ll give you the trade price.', 'We have plenty more on {website}, cheaper than on here — order there next time.'],
    sellerWillCall: ['Thanks, I’ll call you shortly.', 'Noted — I’ll text you this evening.', 'I’ll ring you in ten minutes.'],
    emailBuyer: ['My email is {email} if that’s easier.', 'You can write to me at {email}.', 'Send me the details at {email}.'],
    sellerWillWrite: ['Thanks, I’ll email you this evening.', 'Noted — writing to you now.', 'Perfect, I’ll send you everything by email.'],
    backToPlatform: ['On reflection I’d rather buy through the site — could you send me an offer here?', 'Sorry, my accountant wants everything through the platform. Can you send the offer here?', 'Let’s do it through the site after all, for the buyer protection.'],
  },
  dc: {
    phoneAsk: ['For the delivery, our shipper needs a phone number to arrange the slot — could you confirm the best one to reach you?', 'Could you confirm a contact number for the driver? It’ll only be used for the delivery.'],
    phoneGive: ['Of course: {phone}. Weekdays after 10 are best.', 'It’s {phone} — that’s my assistant, she’ll be on site.', 'Sure, {phone}. Please ask the driver to call 30 minutes before.'],
    driver: ['The driver from {carrier} will call you from {phone} on the morning of delivery.', 'Delivery coordinator at {carrier}: {phone}, reference {tracking}.'],
    address: ['The delivery address is {address}. There’s a service lift at the back.', 'Please deliver to my client’s address: {address}.'],
    invoiceEmail: ['For the customs paperwork, please send the commercial invoice to {email}.', 'Our accounts team needs the invoice for the order — {email} — thank you.'],
    invoiceUploaded: ['I’ve uploaded the invoice to the order page; customs will need it on arrival.', 'The invoice is attached to the order now.'],
    location: ['The piece is at our gallery in {sellerCity}; you’re welcome to view it by appointment — just book a time through the platform.', 'We’re based in {sellerCity} and ship worldwide with insured fine-art shippers.', 'It’s in our {sellerCity} warehouse, ready to ship.'],
    refNumbers: ['For reference: {ref}.', 'Details from the piece: {ref}; case {caseMm} mm.', 'It’s {hallmark}; {ref}.'],
    lotNumbers: ['It was lot {lot} at {auction} in {auctionYear}; I have the catalogue page.', 'Sold at {auction}, {auctionYear}, lot {lot} — the sticker is still on the back.'],
    platformOffer: ['You can use the Make an Offer button and I’ll accept {final}.', 'Send {final} through the offer button and I’ll accept straight away.'],
    holdAsk: ['Could you hold it for me for a couple of days while my client confirms?', 'Would you be able to reserve it until the end of the week? My client is travelling.'],
    holdAck: ['Of course — I’ve put it on hold for you until {date}.', 'Done, it’s reserved for you until {date}.'],
    holdBuy: ['My client said yes! Could you send the offer at {final}?', 'Good news, we’re going ahead — please send me the offer at {final}.'],
  },
};
