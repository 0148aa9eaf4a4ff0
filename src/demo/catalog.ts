/**
 * The inventory: what dealers list. Each generator returns a believable piece (title, period,
 * maker, materials, dimensions, price) plus the facts the chat needs (item noun, maker mark,
 * reference numbers, ring size, ...).
 */
import type { Rng } from './prng';
import type { DemoCategory, DemoLang } from './types';

export type Kind =
  | 'armchair' | 'armchairs_pair' | 'lounge_chair' | 'side_chair' | 'chairs_set' | 'sofa' | 'daybed' | 'sideboard' | 'commode' | 'console'
  | 'dining_table' | 'coffee_table' | 'desk' | 'bookcase' | 'cabinet' | 'secretaire' | 'bench' | 'mirror' | 'stools_pair'
  | 'chandelier' | 'pendant' | 'floor_lamp' | 'table_lamp' | 'sconces_pair' | 'lantern' | 'ceiling_light'
  | 'painting' | 'drawing' | 'print' | 'sculpture' | 'photograph' | 'tapestry'
  | 'ring' | 'bracelet' | 'necklace' | 'earrings' | 'brooch' | 'cufflinks'
  | 'wristwatch' | 'chronograph' | 'pocket_watch';

/** Noun phrase with definite article: [en, fr, it, de nominative, de accusative, es, nl]. */
type Noun = readonly [string, string, string, string, string, string, string];

export const NOUNS: Record<Kind, Noun> = {
  armchair: ['the armchair', 'le fauteuil', 'la poltrona', 'der Sessel', 'den Sessel', 'el sillón', 'de fauteuil'],
  armchairs_pair: ['the pair of armchairs', 'la paire de fauteuils', 'la coppia di poltrone', 'das Sesselpaar', 'das Sesselpaar', 'la pareja de sillones', 'het paar fauteuils'],
  lounge_chair: ['the lounge chair', 'le fauteuil lounge', 'la poltrona lounge', 'der Loungesessel', 'den Loungesessel', 'el sillón lounge', 'de loungestoel'],
  side_chair: ['the chair', 'la chaise', 'la sedia', 'der Stuhl', 'den Stuhl', 'la silla', 'de stoel'],
  chairs_set: ['the set of chairs', 'la série de chaises', 'il set di sedie', 'das Stuhl-Set', 'das Stuhl-Set', 'el juego de sillas', 'de set stoelen'],
  sofa: ['the sofa', 'le canapé', 'il divano', 'das Sofa', 'das Sofa', 'el sofá', 'de sofa'],
  daybed: ['the daybed', 'le lit de repos', 'la dormeuse', 'das Daybed', 'das Daybed', 'el diván', 'het daybed'],
  sideboard: ['the sideboard', 'l’enfilade', 'la credenza', 'das Sideboard', 'das Sideboard', 'el aparador', 'het dressoir'],
  commode: ['the chest of drawers', 'la commode', 'il cassettone', 'die Kommode', 'die Kommode', 'la cómoda', 'de commode'],
  console: ['the console table', 'la console', 'la consolle', 'der Konsoltisch', 'den Konsoltisch', 'la consola', 'de consoletafel'],
  dining_table: ['the dining table', 'la table de salle à manger', 'il tavolo da pranzo', 'der Esstisch', 'den Esstisch', 'la mesa de comedor', 'de eettafel'],
  coffee_table: ['the coffee table', 'la table basse', 'il tavolino', 'der Couchtisch', 'den Couchtisch', 'la mesa de centro', 'de salontafel'],
  desk: ['the desk', 'le bureau', 'la scrivania', 'der Schreibtisch', 'den Schreibtisch', 'el escritorio', 'het bureau'],
  bookcase: ['the bookcase', 'la bibliothèque', 'la libreria', 'das Bücherregal', 'das Bücherregal', 'la librería', 'de boekenkast'],
  cabinet: ['the cabinet', 'le meuble', 'il mobile', 'der Schrank', 'den Schrank', 'el mueble', 'de kast'],
  secretaire: ['the secretaire', 'le secrétaire', 'il secrétaire', 'der Sekretär', 'den Sekretär', 'el secreter', 'de secretaire'],
  bench: ['the bench', 'la banquette', 'la panca', 'die Bank', 'die Bank', 'el banco', 'de bank'],
  mirror: ['the mirror', 'le miroir', 'lo specchio', 'der Spiegel', 'den Spiegel', 'el espejo', 'de spiegel'],
  stools_pair: ['the pair of stools', 'la paire de tabourets', 'la coppia di sgabelli', 'das Hockerpaar', 'das Hockerpaar', 'la pareja de taburetes', 'het paar krukken'],
  chandelier: ['the chandelier', 'le lustre', 'il lampadario', 'der Kronleuchter', 'den Kronleuchter', 'la lámpara de araña', 'de kroonluchter'],
  pendant: ['the pendant light', 'la suspension', 'la lampada a sospensione', 'die Pendelleuchte', 'die Pendelleuchte', 'la lámpara colgante', 'de hanglamp'],
  floor_lamp: ['the floor lamp', 'le lampadaire', 'la lampada da terra', 'die Stehleuchte', 'die Stehleuchte', 'la lámpara de pie', 'de vloerlamp'],
  table_lamp: ['the table lamp', 'la lampe de table', 'la lampada da tavolo', 'die Tischleuchte', 'die Tischleuchte', 'la lámpara de mesa', 'de tafellamp'],
  sconces_pair: ['the pair of sconces', 'la paire d’appliques', 'la coppia di applique', 'das Wandleuchtenpaar', 'das Wandleuchtenpaar', 'la pareja de apliques', 'het paar wandlampen'],
  lantern: ['the lantern', 'la lanterne', 'la lanterna', 'die Laterne', 'die Laterne', 'el farol', 'de lantaarn'],
  ceiling_light: ['the ceiling light', 'le plafonnier', 'la plafoniera', 'die Deckenleuchte', 'die Deckenleuchte', 'el plafón', 'de plafondlamp'],
  painting: ['the painting', 'le tableau', 'il dipinto', 'das Gemälde', 'das Gemälde', 'el cuadro', 'het schilderij'],
  drawing: ['the drawing', 'le dessin', 'il disegno', 'die Zeichnung', 'die Zeichnung', 'el dibujo', 'de tekening'],
  print: ['the print', 'l’estampe', 'la stampa', 'die Grafik', 'die Grafik', 'el grabado', 'de prent'],
  sculpture: ['the sculpture', 'la sculpture', 'la scultura', 'die Skulptur', 'die Skulptur', 'la escultura', 'de sculptuur'],
  photograph: ['the photograph', 'la photographie', 'la fotografia', 'die Fotografie', 'die Fotografie', 'la fotografía', 'de foto'],
  tapestry: ['the tapestry', 'la tapisserie', 'l’arazzo', 'der Wandteppich', 'den Wandteppich', 'el tapiz', 'het wandtapijt'],
  ring: ['the ring', 'la bague', 'l’anello', 'der Ring', 'den Ring', 'el anillo', 'de ring'],
  bracelet: ['the bracelet', 'le bracelet', 'il bracciale', 'das Armband', 'das Armband', 'la pulsera', 'de armband'],
  necklace: ['the necklace', 'le collier', 'la collana', 'die Halskette', 'die Halskette', 'el collar', 'de halsketting'],
  earrings: ['the pair of earrings', 'la paire de boucles d’oreilles', 'il paio di orecchini', 'das Paar Ohrringe', 'das Paar Ohrringe', 'el par de pendientes', 'het paar oorbellen'],
  brooch: ['the brooch', 'la broche', 'la spilla', 'die Brosche', 'die Brosche', 'el broche', 'de broche'],
  cufflinks: ['the pair of cufflinks', 'la paire de boutons de manchette', 'il paio di gemelli', 'das Paar Manschettenknöpfe', 'das Paar Manschettenknöpfe', 'el par de gemelos', 'het paar manchetknopen'],
  wristwatch: ['the watch', 'la montre', 'l’orologio', 'die Uhr', 'die Uhr', 'el reloj', 'het horloge'],
  chronograph: ['the chronograph', 'le chronographe', 'il cronografo', 'der Chronograph', 'den Chronographen', 'el cronógrafo', 'de chronograaf'],
  pocket_watch: ['the pocket watch', 'la montre de poche', 'l’orologio da tasca', 'die Taschenuhr', 'die Taschenuhr', 'el reloj de bolsillo', 'het zakhorloge'],
};

export function nounFor(kind: Kind, lang: DemoLang): { nom: string; acc: string } {
  const n = NOUNS[kind];
  switch (lang) {
    case 'en': return { nom: n[0], acc: n[0] };
    case 'fr': return { nom: n[1], acc: n[1] };
    case 'it': return { nom: n[2], acc: n[2] };
    case 'de': return { nom: n[3], acc: n[4] };
    case 'es': return { nom: n[5], acc: n[5] };
    case 'nl': return { nom: n[6], acc: n[6] };
  }
}

const KIND_TITLE: Record<Kind, string> = {
  armchair: 'Armchair', armchairs_pair: 'Armchairs, Pair', lounge_chair: 'Lounge Chair', side_chair: 'Chair', chairs_set: 'Dining Chairs', sofa: 'Sofa', daybed: 'Daybed',
  sideboard: 'Sideboard', commode: 'Commode', console: 'Console Table', dining_table: 'Dining Table', coffee_table: 'Coffee Table',
  desk: 'Desk', bookcase: 'Bookcase', cabinet: 'Cabinet', secretaire: 'Secretaire', bench: 'Bench', mirror: 'Mirror', stools_pair: 'Stools',
  chandelier: 'Chandelier', pendant: 'Pendant Light', floor_lamp: 'Floor Lamp', table_lamp: 'Table Lamp', sconces_pair: 'Sconces',
  lantern: 'Hall Lantern', ceiling_light: 'Ceiling Light', painting: 'Painting', drawing: 'Drawing', print: 'Print', sculpture: 'Sculpture',
  photograph: 'Photograph', tapestry: 'Tapestry', ring: 'Ring', bracelet: 'Bracelet', necklace: 'Necklace', earrings: 'Earrings',
  brooch: 'Brooch', cufflinks: 'Cufflinks', wristwatch: 'Watch', chronograph: 'Chronograph', pocket_watch: 'Pocket Watch',
};

/** What a dealer lists, plus the facts the chat needs. */
export interface Piece {
  category: DemoCategory;
  kind: Kind;
  title: string;
  period: string;
  /** A representative year for "circa" phrases. */
  year: number;
  maker?: string;
  /** Short maker name for chat ("Wegner", "Cartier"). */
  makerShort?: string;
  /** Producer / workshop when it differs from the designer. */
  producer?: string;
  /** How the piece is marked (label, stamp, signature, ...), in English. */
  mark?: string;
  materials: string;
  dimensions: string;
  priceUsd: number;
  origin: string;
  /** Watch reference, jewel hallmark, print edition, ring size ... */
  ref?: string;
  hallmark?: string;
  edition?: string;
  ringSize?: { us: string; eu: number; uk: string };
  carat?: number;
  caseMm?: number;
  count?: number;
}

// ---------------------------------------------------------------- helpers

const decade = (y: number): string => `${Math.floor(y / 10) * 10}s`;
const centuryPart = (y: number): string => {
  const c = Math.floor(y / 100) + 1;
  const suffix = c === 21 ? 'st' : 'th';
  const part = y % 100 < 34 ? 'Early' : y % 100 < 67 ? 'Mid' : 'Late';
  return `${part} ${c}${suffix} Century`;
};

interface DimsCm { h: number; w?: number; d?: number; dia?: number; each?: boolean; seat?: number }

function fmtDims(rng: Rng, dims: DimsCm, imperial: boolean, style: number): string {
  const conv = (cm: number): string => (imperial ? `${Math.round((cm / 2.54) * 2) / 2}` : `${Math.round(cm)}`);
  const unit = imperial ? 'in.' : 'cm';
  const parts: string[] = [];
  parts.push(`H ${conv(dims.h)}`);
  if (dims.dia !== undefined) parts.push(`Ø ${conv(dims.dia)}`);
  if (dims.w !== undefined) parts.push(`W ${conv(dims.w)}`);
  if (dims.d !== undefined) parts.push(`D ${conv(dims.d)}`);
  let s: string;
  if (style === 0) s = parts.join(' x ') + ` ${unit}`;
  else s = parts.map((p) => `${p} ${unit}`).join(style === 1 ? ', ' : ' x ');
  if (dims.seat !== undefined) s += `; seat height ${conv(dims.seat)} ${unit}`;
  if (dims.each) s = `Each: ${s}`;
  void rng;
  return s;
}

function niceUsd(rng: Rng, lo: number, hi: number): number {
  // log-uniform inside the range: many cheaper pieces, a few expensive ones
  return Math.exp(rng.real(Math.log(lo), Math.log(hi)));
}

const R = (rng: Rng, lo: number, hi: number): number => rng.int(lo, hi);

function dimsFor(rng: Rng, kind: Kind): DimsCm {
  switch (kind) {
    case 'armchair': return { h: R(rng, 70, 100), w: R(rng, 60, 90), d: R(rng, 65, 90), seat: R(rng, 38, 45) };
    case 'armchairs_pair': return { h: R(rng, 70, 100), w: R(rng, 60, 90), d: R(rng, 65, 90), seat: R(rng, 38, 45), each: true };
    case 'lounge_chair': return { h: R(rng, 65, 105), w: R(rng, 65, 95), d: R(rng, 70, 100), seat: R(rng, 33, 42) };
    case 'side_chair': return { h: R(rng, 74, 88), w: R(rng, 42, 56), d: R(rng, 44, 55), seat: R(rng, 43, 47) };
    case 'chairs_set': return { h: R(rng, 74, 88), w: R(rng, 42, 58), d: R(rng, 44, 55), seat: R(rng, 43, 47), each: true };
    case 'sofa': return { h: R(rng, 65, 92), w: R(rng, 170, 270), d: R(rng, 78, 105) };
    case 'daybed': return { h: R(rng, 38, 72), w: R(rng, 180, 205), d: R(rng, 68, 92) };
    case 'sideboard': return { h: R(rng, 68, 92), w: R(rng, 150, 245), d: R(rng, 40, 56) };
    case 'commode': return { h: R(rng, 80, 96), w: R(rng, 88, 132), d: R(rng, 44, 62) };
    case 'console': return { h: R(rng, 74, 92), w: R(rng, 90, 165), d: R(rng, 34, 52) };
    case 'dining_table': return rng.chance(0.25) ? { h: R(rng, 72, 76), dia: R(rng, 110, 150) } : { h: R(rng, 72, 77), w: R(rng, 160, 300), d: R(rng, 85, 112) };
    case 'coffee_table': return rng.chance(0.2) ? { h: R(rng, 30, 45), dia: R(rng, 70, 120) } : { h: R(rng, 30, 46), w: R(rng, 80, 150), d: R(rng, 45, 100) };
    case 'desk': return { h: R(rng, 72, 79), w: R(rng, 115, 185), d: R(rng, 60, 90) };
    case 'bookcase': return { h: R(rng, 170, 245), w: R(rng, 85, 165), d: R(rng, 28, 46) };
    case 'cabinet': return { h: R(rng, 85, 185), w: R(rng, 75, 145), d: R(rng, 38, 58) };
    case 'secretaire': return { h: R(rng, 135, 165), w: R(rng, 88, 112), d: R(rng, 40, 52) };
    case 'bench': return { h: R(rng, 38, 50), w: R(rng, 100, 185), d: R(rng, 34, 52) };
    case 'mirror': return { h: R(rng, 80, 185), w: R(rng, 50, 125), d: R(rng, 4, 12) };
    case 'stools_pair': return { h: R(rng, 38, 52), dia: R(rng, 32, 42), each: true };
    case 'chandelier': return { h: R(rng, 55, 125), dia: R(rng, 45, 105) };
    case 'pendant': return { h: R(rng, 25, 65), dia: R(rng, 28, 72) };
    case 'floor_lamp': return { h: R(rng, 145, 205), w: R(rng, 28, 65) };
    case 'table_lamp': return { h: R(rng, 38, 72), dia: R(rng, 24, 46) };
    case 'sconces_pair': return { h: R(rng, 24, 52), w: R(rng, 14, 32), d: R(rng, 14, 26), each: true };
    case 'lantern': return { h: R(rng, 58, 112), dia: R(rng, 28, 52) };
    case 'ceiling_light': return { h: R(rng, 14, 42), dia: R(rng, 38, 72) };
    case 'painting': return { h: R(rng, 30, 150), w: R(rng, 30, 150) };
    case 'drawing': return { h: R(rng, 20, 65), w: R(rng, 18, 50) };
    case 'print': return { h: R(rng, 45, 85), w: R(rng, 35, 65) };
    case 'sculpture': return { h: R(rng, 18, 85), w: R(rng, 10, 45), d: R(rng, 10, 35) };
    case 'photograph': return { h: R(rng, 25, 60), w: R(rng, 20, 50) };
    case 'tapestry': return { h: R(rng, 150, 320), w: R(rng, 150, 380) };
    default: return { h: R(rng, 2, 5), w: R(rng, 2, 5) };
  }
}

// ---------------------------------------------------------------- furniture & lighting designers

interface DesignerEntry {
  maker: string;
  short: string;
  origin: string;
  years: readonly [number, number];
  /** [model, kind, indices of the materials that model comes in (default: any)] */
  models: readonly (readonly [string, Kind, (readonly number[])?])[];
  materials: readonly string[];
  producer?: readonly string[];
  mark?: readonly string[];
  usd: readonly [number, number];
}

const FURNITURE_DESIGNERS: readonly DesignerEntry[] = [
  { maker: 'Hans J. Wegner', short: 'Wegner', origin: 'Denmark', years: [1950, 1968], models: [['CH24 Wishbone', 'chairs_set', [0]], ['CH25', 'lounge_chair', [0]], ['GE290', 'lounge_chair', [3, 2]], ['Papa Bear', 'lounge_chair', [3]], ['Peacock', 'armchair', [0]], ['AT-312', 'dining_table', [1]], ['RY-25', 'sideboard', [1]]], materials: ['Oak and papercord', 'Teak and oak', 'Oak and leather', 'Soaped oak and wool', 'Teak and cane'], producer: ['Carl Hansen & Søn', 'Getama', 'A.P. Stolen', 'Johannes Hansen', 'Ry Møbler'], mark: ['the original maker’s label under the seat', 'a branded mark on the frame', 'the metal tag on the rail'], usd: [2800, 26000] },
  { maker: 'Finn Juhl', short: 'Finn Juhl', origin: 'Denmark', years: [1949, 1962], models: [['45', 'armchair', [0, 1]], ['Japan', 'sofa', [0]], ['BO-62', 'armchair', [0, 1]], ['Baker', 'sideboard', [2]], ['Diplomat', 'desk', [2]]], materials: ['Teak and wool upholstery', 'Rosewood and leather', 'Teak'], producer: ['Niels Vodder', 'France & Søn', 'Baker Furniture', 'Bovirke'], mark: ['the cabinetmaker’s stamp', 'the original paper label'], usd: [7000, 45000] },
  { maker: 'Arne Jacobsen', short: 'Jacobsen', origin: 'Denmark', years: [1955, 1972], models: [['Egg', 'lounge_chair', [0, 1]], ['Swan', 'lounge_chair', [0, 1]], ['Series 7', 'chairs_set', [2]], ['Oxford', 'armchair', [0]]], materials: ['Leather and aluminium', 'Original fabric and cast aluminium', 'Teak-veneered plywood and steel'], producer: ['Fritz Hansen'], mark: ['the Fritz Hansen stamp and date code under the seat'], usd: [2500, 16000] },
  { maker: 'Børge Mogensen', short: 'Mogensen', origin: 'Denmark', years: [1950, 1970], models: [['Spanish', 'lounge_chair', [0]], ['2213', 'sofa', [3]], ['Shaker', 'chairs_set', [2]], ['Øresund', 'sideboard', [1]], ['Hunting', 'armchair', [0]]], materials: ['Oak and saddle leather', 'Teak', 'Oak and paper cord', 'Leather and beech'], producer: ['Fredericia', 'Søborg Møbelfabrik', 'Karl Andersson & Söner'], mark: ['the Fredericia stamp', 'a manufacturer’s label'], usd: [1800, 12000] },
  { maker: 'Gio Ponti', short: 'Ponti', origin: 'Italy', years: [1950, 1965], models: [['Superleggera', 'chairs_set', [1]], ['Model 516', 'armchair', [2]], ['Distex', 'lounge_chair', [2]], ['executive', 'desk', [0]], ['walnut and brass', 'sideboard', [0]], ['Hotel Parco dei Principi', 'mirror', [3]]], materials: ['Walnut and brass', 'Ash and rush seat', 'Walnut and velvet', 'Lacquered wood and brass'], producer: ['Cassina', 'Giordano Chiesa', 'Schirolli', 'Singer & Sons'], mark: ['the Cassina label', 'a partial paper label under the seat'], usd: [4000, 42000] },
  { maker: 'Osvaldo Borsani', short: 'Borsani', origin: 'Italy', years: [1953, 1962], models: [['P40', 'lounge_chair', [0, 1]], ['D70', 'sofa', [0, 1]], ['T92', 'desk', [2]]], materials: ['Black leather and steel', 'Velvet and steel', 'Rosewood and steel'], producer: ['Tecno'], mark: ['the Tecno stamp'], usd: [5000, 19000] },
  { maker: 'Pierre Jeanneret', short: 'Jeanneret', origin: 'India', years: [1955, 1962], models: [['Office Cane', 'chairs_set', [0, 2]], ['Easy', 'lounge_chair', [0, 2]], ['Kangaroo', 'lounge_chair', [0]], ['Writing', 'desk', [1]], ['Committee', 'dining_table', [1]]], materials: ['Solid teak and cane', 'Teak', 'Sissoo rosewood and cane'], producer: ['made for Chandigarh'], mark: ['painted inventory letters from the Chandigarh administration'], usd: [8000, 42000] },
  { maker: 'Charlotte Perriand', short: 'Perriand', origin: 'France', years: [1950, 1967], models: [['Bahut', 'sideboard', [0]], ['Méribel', 'stools_pair', [2]], ['Forme Libre', 'coffee_table', [1]], ['Les Arcs', 'bench', [1]], ['Cité Cansado', 'bookcase', [3]]], materials: ['Pine and lacquered aluminium', 'Solid oak', 'Ash and straw', 'Mahogany and sheet metal'], producer: ['Steph Simon', 'Galerie Steph Simon', 'Ateliers Jean Prouvé'], mark: ['documented provenance from Les Arcs'], usd: [6000, 60000] },
  { maker: 'Pierre Chapo', short: 'Chapo', origin: 'France', years: [1962, 1982], models: [['T14', 'dining_table'], ['S45', 'side_chair'], ['R08', 'sideboard'], ['L03', 'daybed']], materials: ['Solid elm', 'Elm and leather'], producer: ['Chapo workshop, Gordes'], mark: ['the workshop’s pyrography stamp'], usd: [4000, 28000] },
  { maker: 'Jean Prouvé', short: 'Prouvé', origin: 'France', years: [1947, 1956], models: [['Standard', 'side_chair', [0, 1]], ['Compas', 'desk', [0]], ['Guéridon', 'dining_table', [2]], ['Antony', 'lounge_chair', [1]]], materials: ['Oak and lacquered steel', 'Bent plywood and steel', 'Oak'], producer: ['Ateliers Jean Prouvé'], mark: ['the Ateliers Jean Prouvé plate'], usd: [15000, 95000] },
  { maker: 'Marcel Breuer', short: 'Breuer', origin: 'Germany', years: [1960, 1980], models: [['Wassily B3', 'lounge_chair', [0]], ['Cesca', 'chairs_set', [1]], ['Laccio', 'coffee_table', [2]]], materials: ['Chromed steel and leather', 'Chromed steel, beech and cane', 'Chromed steel and laminate'], producer: ['Knoll', 'Gavina', 'Thonet'], mark: ['the Gavina label', 'the Knoll label'], usd: [1500, 8500] },
  { maker: 'Ludwig Mies van der Rohe', short: 'Mies', origin: 'Germany', years: [1960, 1975], models: [['Barcelona', 'lounge_chair'], ['MR', 'daybed'], ['Brno', 'chairs_set']], materials: ['Chromed steel and cognac leather', 'Stainless steel and black leather'], producer: ['Knoll'], mark: ['the Knoll stamp on the frame'], usd: [3000, 14000] },
  { maker: 'Jacques Adnet', short: 'Adnet', origin: 'France', years: [1948, 1958], models: [['stitched leather', 'desk'], ['stitched leather', 'console'], ['stitched leather', 'bookcase'], ['Circus', 'coffee_table']], materials: ['Stitched leather, brass and glass', 'Leather and oak'], producer: ['Compagnie des Arts Français'], usd: [8000, 42000] },
  { maker: 'Maison Jansen', short: 'Jansen', origin: 'France', years: [1960, 1978], models: [['Hollywood Regency', 'coffee_table'], ['étagère', 'bookcase'], ['bamboo', 'console'], ['Palm', 'mirror']], materials: ['Brass and glass', 'Gilt bronze and smoked glass', 'Faux bamboo brass'], mark: ['the Jansen label'], usd: [2800, 16000] },
  { maker: 'Thonet', short: 'Thonet', origin: 'Austria', years: [1890, 1915], models: [['No. 14', 'chairs_set'], ['No. 1', 'armchair'], ['rocking', 'lounge_chair']], materials: ['Bentwood beech and cane', 'Stained bentwood'], producer: ['Gebrüder Thonet'], mark: ['the Thonet paper label and burnt stamp'], usd: [900, 5200] },
  { maker: 'George Nakashima', short: 'Nakashima', origin: 'USA', years: [1958, 1975], models: [['Conoid', 'bench'], ['Minguren', 'coffee_table'], ['free-edge', 'dining_table'], ['Straight', 'chairs_set']], materials: ['Black walnut', 'Walnut with rosewood butterfly keys'], producer: ['Nakashima Studio, New Hope'], mark: ['the client’s name signed in marker underneath'], usd: [9000, 62000] },
  { maker: 'Paul McCobb', short: 'McCobb', origin: 'USA', years: [1952, 1960], models: [['Planner Group', 'sideboard'], ['Planner Group', 'desk'], ['Directional', 'bench']], materials: ['Solid maple and brass', 'Birch'], producer: ['Winchendon Furniture', 'Directional'], mark: ['the Planner Group branded mark'], usd: [1600, 8000] },
  { maker: 'Milo Baughman', short: 'Baughman', origin: 'USA', years: [1965, 1979], models: [['Scoop', 'lounge_chair', [0]], ['burl wood', 'sideboard', [1, 2]], ['chrome', 'dining_table', [1]], ['Thin Line', 'sofa', [0]]], materials: ['Chromed steel and velvet', 'Burl wood and chrome', 'Rosewood'], producer: ['Thayer Coggin'], mark: ['the Thayer Coggin label'], usd: [2000, 13000] },
  { maker: 'Vladimir Kagan', short: 'Kagan', origin: 'USA', years: [1955, 1975], models: [['Serpentine', 'sofa'], ['Contour', 'lounge_chair'], ['Omnibus', 'sofa']], materials: ['Bouclé and walnut', 'Velvet and walnut', 'Mohair'], producer: ['Kagan-Dreyfuss'], mark: ['the Kagan-Dreyfuss label'], usd: [14000, 62000] },
  { maker: 'Edward Wormley', short: 'Wormley', origin: 'USA', years: [1950, 1962], models: [['Janus', 'desk', [2]], ['Long John', 'coffee_table', [0, 1]], ['5407', 'sofa', [3]], ['Listen-to-Me', 'daybed', [3]]], materials: ['Mahogany and tile', 'Walnut and tiles', 'Mahogany', 'Mahogany and linen'], producer: ['Dunbar'], mark: ['the Dunbar label'], usd: [4000, 19000] },
  { maker: 'T.H. Robsjohn-Gibbings', short: 'Robsjohn-Gibbings', origin: 'USA', years: [1950, 1962], models: [['Klismos', 'chairs_set', [1]], ['Mesa', 'coffee_table', [0]], ['walnut', 'sideboard', [0]]], materials: ['Walnut', 'Walnut and leather'], producer: ['Widdicomb', 'Saridis'], mark: ['the Widdicomb label'], usd: [4000, 26000] },
  { maker: 'Gerrit Rietveld', short: 'Rietveld', origin: 'Netherlands', years: [1934, 1960], models: [['Zig-Zag', 'side_chair'], ['Crate', 'lounge_chair']], materials: ['Elm', 'Oak', 'Painted wood'], producer: ['Metz & Co', 'G.A. van de Groenekan'], mark: ['the Metz & Co stamp'], usd: [5000, 32000] },
  { maker: 'Pierre Paulin', short: 'Paulin', origin: 'France', years: [1963, 1975], models: [['F560 Mushroom', 'lounge_chair'], ['Ribbon', 'lounge_chair'], ['Tongue', 'lounge_chair'], ['Little Tulip', 'armchair']], materials: ['Jersey-upholstered foam and lacquered base', 'Wool fabric and aluminium'], producer: ['Artifort'], mark: ['the Artifort label'], usd: [2400, 13000] },
  { maker: 'Joe Colombo', short: 'Colombo', origin: 'Italy', years: [1963, 1970], models: [['Elda', 'lounge_chair', [0]], ['Universale', 'chairs_set', [1]], ['Boby', 'cabinet', [1]]], materials: ['Fibreglass and leather', 'ABS plastic'], producer: ['Comfort', 'Kartell', 'Bieffeplast'], mark: ['the moulded maker’s mark'], usd: [1200, 15000] },
  { maker: 'Ico Parisi', short: 'Parisi', origin: 'Italy', years: [1950, 1962], models: [['Model 813', 'armchair', [0]], ['MIM', 'sideboard', [1]], ['Egg', 'lounge_chair', [0]]], materials: ['Walnut and velvet', 'Rosewood and brass'], producer: ['Cassina', 'MIM Roma', 'Ariberto Colombo'], mark: ['the MIM label'], usd: [7000, 32000] },
  { maker: 'Tobia Scarpa', short: 'Scarpa', origin: 'Italy', years: [1968, 1975], models: [['Soriana', 'sofa'], ['Soriana', 'lounge_chair'], ['Bastiano', 'sofa']], materials: ['Leather and chromed steel', 'Velvet and steel', 'Walnut and leather'], producer: ['Cassina', 'Knoll', 'Gavina'], mark: ['the Cassina label'], usd: [5000, 20000] },
  { maker: 'Vico Magistretti', short: 'Magistretti', origin: 'Italy', years: [1959, 1970], models: [['Carimate', 'chairs_set', [0]], ['Maralunga', 'sofa', [2]], ['Caori', 'coffee_table', [1]]], materials: ['Red-lacquered beech and rush', 'Walnut', 'Leather'], producer: ['Cassina', 'Gavina'], mark: ['the Cassina label'], usd: [1500, 9000] },
  { maker: 'Josef Hoffmann', short: 'Hoffmann', origin: 'Austria', years: [1905, 1912], models: [['Sitzmaschine', 'armchair'], ['Fledermaus', 'side_chair'], ['Purkersdorf', 'armchair']], materials: ['Stained bentwood beech', 'Bentwood and cane'], producer: ['J. & J. Kohn'], mark: ['the J. & J. Kohn stamp'], usd: [4500, 26000] },
  { maker: 'Ettore Sottsass', short: 'Sottsass', origin: 'Italy', years: [1980, 1986], models: [['Carlton', 'bookcase'], ['Casablanca', 'cabinet'], ['Mandarin', 'coffee_table']], materials: ['Plastic laminate on wood', 'Abet print laminate'], producer: ['Memphis Milano'], mark: ['the Memphis metal plaque'], usd: [9000, 28000] },
  { maker: 'Guillerme et Chambron', short: 'Guillerme et Chambron', origin: 'France', years: [1955, 1970], models: [['Votre Maison', 'dining_table', [0]], ['Votre Maison', 'armchair', [1]], ['Votre Maison', 'sideboard', [0, 1]]], materials: ['Solid oak and ceramic tiles', 'Oak'], producer: ['Votre Maison'], mark: ['the Votre Maison stamp'], usd: [1800, 9500] },
  { maker: 'Kai Kristiansen', short: 'Kristiansen', origin: 'Denmark', years: [1958, 1968], models: [['Model 4', 'chairs_set'], ['rosewood', 'sideboard'], ['FM', 'bookcase']], materials: ['Teak', 'Rosewood', 'Oak'], producer: ['Feldballes Møbelfabrik', 'Skovmand & Andersen'], mark: ['the manufacturer’s label'], usd: [1800, 7500] },
  { maker: 'Charles and Ray Eames', short: 'Eames', origin: 'USA', years: [1956, 1975], models: [['670', 'lounge_chair', [0]], ['LCW', 'side_chair', [1]], ['ESU', 'cabinet', [2]], ['La Fonda', 'dining_table', [3]]], materials: ['Rosewood and black leather', 'Moulded plywood', 'Lacquered masonite and zinc-plated steel', 'Marble and cast aluminium'], producer: ['Herman Miller'], mark: ['the Herman Miller medallions and labels'], usd: [2200, 14000] },
  { maker: 'Florence Knoll', short: 'Knoll', origin: 'USA', years: [1955, 1965], models: [['Model 541', 'sideboard', [0]], ['Parallel Bar', 'sofa', [2]], ['Executive', 'desk', [1]]], materials: ['Walnut and marble', 'Walnut and steel', 'Wool and chromed steel'], producer: ['Knoll Associates'], mark: ['the Knoll label'], usd: [3000, 9500] },
  { maker: 'Aldo Tura', short: 'Tura', origin: 'Italy', years: [1955, 1970], models: [['goatskin', 'cabinet'], ['goatskin', 'coffee_table'], ['lacquered', 'console']], materials: ['Lacquered goatskin and brass', 'Parchment and brass'], mark: ['the Tura metal label'], usd: [4500, 22000] },
  { maker: 'Gabriella Crespi', short: 'Crespi', origin: 'Italy', years: [1970, 1979], models: [['Plurimi', 'coffee_table'], ['Bamboo', 'console'], ['Rising Sun', 'coffee_table']], materials: ['Brass and bamboo', 'Polished brass'], mark: ['her engraved signature'], usd: [10000, 42000] },
  { maker: 'Louis Majorelle', short: 'Majorelle', origin: 'France', years: [1898, 1910], models: [['Nénuphar', 'cabinet'], ['Orchidée', 'desk'], ['carved', 'bookcase']], materials: ['Carved walnut and marquetry', 'Mahogany and gilt bronze'], mark: ['the marquetry signature L. Majorelle Nancy'], usd: [8000, 32000] },
];

const LIGHTING_DESIGNERS: readonly DesignerEntry[] = [
  { maker: 'Poul Henningsen', short: 'Henningsen', origin: 'Denmark', years: [1950, 1972], models: [['PH5', 'pendant', [1, 0]], ['PH Artichoke', 'pendant', [0, 3]], ['PH 4/3', 'table_lamp', [1, 2]], ['PH Snowball', 'pendant', [1]], ['PH 3½-2½', 'floor_lamp', [2]]], materials: ['Copper', 'Painted aluminium', 'Brass and opaline glass', 'Steel'], producer: ['Louis Poulsen'], mark: ['the Louis Poulsen stamp inside the socket housing'], usd: [900, 30000] },
  { maker: 'Gino Sarfatti', short: 'Sarfatti', origin: 'Italy', years: [1950, 1966], models: [['2109', 'chandelier'], ['2097', 'chandelier'], ['1063', 'floor_lamp'], ['559', 'table_lamp'], ['2042', 'pendant']], materials: ['Brass and painted aluminium', 'Brass and chromed steel', 'Lacquered metal'], producer: ['Arteluce'], mark: ['the Arteluce label'], usd: [4000, 40000] },
  { maker: 'Stilnovo', short: 'Stilnovo', origin: 'Italy', years: [1955, 1968], models: [['triennale', 'floor_lamp'], ['opaline', 'pendant'], ['ceiling', 'ceiling_light'], ['Model 2065', 'sconces_pair']], materials: ['Brass and opaline glass', 'Lacquered metal and brass'], mark: ['the Stilnovo label'], usd: [1500, 6500] },
  { maker: 'Max Ingrand', short: 'Ingrand', origin: 'Italy', years: [1955, 1964], models: [['Model 1853', 'floor_lamp'], ['Model 2099', 'pendant'], ['Model 1792', 'table_lamp']], materials: ['Crystal glass and brass', 'Frosted glass and nickel'], producer: ['Fontana Arte'], mark: ['the Fontana Arte label'], usd: [3500, 18000] },
  { maker: 'Carlo Scarpa', short: 'Scarpa', origin: 'Italy', years: [1958, 1970], models: [['Poliedri', 'chandelier'], ['Cinesi', 'pendant']], materials: ['Murano glass and chromed metal'], producer: ['Venini'], mark: ['the acid-etched Venini Murano signature'], usd: [7500, 26000] },
  { maker: 'Barovier & Toso', short: 'Barovier', origin: 'Italy', years: [1940, 1970], models: [['Murano', 'chandelier'], ['Murano', 'sconces_pair'], ['Murano', 'table_lamp']], materials: ['Hand-blown Murano glass and brass', 'Murano glass and gilt metal'], mark: ['a partial Barovier label'], usd: [2800, 16000] },
  { maker: 'Achille and Pier Giacomo Castiglioni', short: 'Castiglioni', origin: 'Italy', years: [1962, 1975], models: [['Arco', 'floor_lamp'], ['Taccia', 'table_lamp'], ['Toio', 'floor_lamp'], ['Frisbi', 'pendant']], materials: ['Carrara marble and steel', 'Aluminium and glass'], producer: ['Flos'], mark: ['the Flos sticker'], usd: [1800, 7000] },
  { maker: 'Serge Mouille', short: 'Mouille', origin: 'France', years: [1953, 1962], models: [['Trois Lumières', 'floor_lamp'], ['Oeil', 'sconces_pair'], ['Six Bras', 'ceiling_light']], materials: ['Black lacquered aluminium and brass'], producer: ['Atelier Serge Mouille'], mark: ['documented by the Mouille archive'], usd: [15000, 62000] },
  { maker: 'Jean Perzel', short: 'Perzel', origin: 'France', years: [1928, 1938], models: [['Art Deco', 'ceiling_light'], ['Art Deco', 'sconces_pair'], ['Art Deco', 'table_lamp']], materials: ['Frosted glass and nickel-plated bronze', 'Sandblasted glass and gilt bronze'], mark: ['the engraved Perzel signature'], usd: [3800, 15000] },
  { maker: 'Daum', short: 'Daum', origin: 'France', years: [1920, 1935], models: [['Nancy', 'table_lamp'], ['Nancy', 'ceiling_light']], materials: ['Acid-etched glass and wrought iron', 'Pâte de verre'], mark: ['the engraved Daum Nancy cross of Lorraine signature'], usd: [3000, 15000] },
  { maker: 'Baccarat', short: 'Baccarat', origin: 'France', years: [1880, 1960], models: [['24-light', 'chandelier'], ['Zénith', 'chandelier'], ['crystal', 'sconces_pair']], materials: ['Cut crystal and gilt bronze', 'Crystal and silvered bronze'], mark: ['the Baccarat stamp on several drops'], usd: [8000, 42000] },
  { maker: 'J.T. Kalmar', short: 'Kalmar', origin: 'Austria', years: [1950, 1968], models: [['Vienna', 'chandelier'], ['brass', 'pendant'], ['Stem', 'floor_lamp']], materials: ['Brass and frosted glass', 'Brass and silk'], mark: ['the Kalmar label'], usd: [1800, 8500] },
  { maker: 'Angelo Lelii', short: 'Lelii', origin: 'Italy', years: [1954, 1965], models: [['Triennale', 'floor_lamp'], ['Cobra', 'table_lamp'], ['Model 12128', 'chandelier']], materials: ['Brass and lacquered aluminium'], producer: ['Arredoluce'], mark: ['the Arredoluce Monza stamp'], usd: [9000, 36000] },
  { maker: 'Isamu Noguchi', short: 'Noguchi', origin: 'Japan', years: [1955, 1985], models: [['Akari 1A', 'table_lamp'], ['Akari 75D', 'pendant'], ['Akari UF3-Q', 'floor_lamp']], materials: ['Washi paper and bamboo', 'Paper and iron'], producer: ['Ozeki & Co.'], mark: ['the red sun and moon stamp'], usd: [800, 3200] },
  { maker: 'Tommi Parzinger', short: 'Parzinger', origin: 'USA', years: [1950, 1962], models: [['brass', 'sconces_pair'], ['Stars', 'chandelier']], materials: ['Polished brass', 'Brass and glass'], producer: ['Parzinger Originals'], mark: ['the Parzinger Originals label'], usd: [3000, 11000] },
  { maker: 'Hans-Agne Jakobsson', short: 'Jakobsson', origin: 'Sweden', years: [1955, 1970], models: [['Markaryd', 'pendant'], ['Cone', 'table_lamp'], ['brass', 'sconces_pair']], materials: ['Brass and pleated fabric', 'Pine and brass'], producer: ['AB Markaryd'], mark: ['the Markaryd label'], usd: [900, 4200] },
];

// ---------------------------------------------------------------- period furniture & lighting

interface PeriodEntry {
  style: string;
  origin: string;
  years: readonly [number, number];
  items: readonly (readonly [string, Kind])[];
  materials: readonly string[];
  usd: readonly [number, number];
}

const PERIOD_FURNITURE: readonly PeriodEntry[] = [
  { style: 'George III', origin: 'England', years: [1765, 1805], items: [['Serpentine Mahogany', 'commode'], ['Secretaire', 'bookcase'], ['Partners', 'desk'], ['Giltwood', 'mirror'], ['Mahogany Side', 'chairs_set']], materials: ['Mahogany, brass handles', 'Figured mahogany and satinwood crossbanding', 'Giltwood and original mercury glass'], usd: [2800, 26000] },
  { style: 'Regency', origin: 'England', years: [1810, 1830], items: [['Rosewood and Brass-Inlaid', 'console'], ['Sofa', 'coffee_table'], ['Library', 'bookcase'], ['Convex', 'mirror']], materials: ['Rosewood and cut brass', 'Mahogany and ebony stringing', 'Gilt gesso'], usd: [3800, 21000] },
  { style: 'Louis XV', origin: 'France', years: [1740, 1765], items: [['Bombé Kingwood', 'commode'], ['Bergère', 'armchair'], ['Walnut', 'console'], ['Provincial', 'cabinet']], materials: ['Kingwood, ormolu mounts and marble top', 'Carved beech and silk', 'Walnut'], usd: [5500, 46000] },
  { style: 'Louis XVI', origin: 'France', years: [1775, 1792], items: [['Bergère', 'armchair'], ['Giltwood', 'console'], ['Secrétaire à Abattant', 'secretaire'], ['Mahogany', 'commode']], materials: ['Carved giltwood and marble', 'Mahogany, gilt bronze and marble', 'Painted beech and linen'], usd: [4800, 42000] },
  { style: 'Louis XVI Style', origin: 'France', years: [1870, 1900], items: [['Pair of Bergère', 'armchair'], ['Marble-Top', 'commode'], ['Bouillotte', 'dining_table']], materials: ['Painted wood and silk damask', 'Mahogany and gilt bronze'], usd: [1800, 8800] },
  { style: 'Empire', origin: 'France', years: [1805, 1820], items: [['Mahogany and Ormolu', 'console'], ['Mahogany', 'commode'], ['Psyché', 'mirror'], ['Gondola', 'armchair']], materials: ['Flame mahogany, gilt bronze and marble', 'Mahogany and ormolu'], usd: [4000, 22000] },
  { style: 'Napoleon III', origin: 'France', years: [1855, 1875], items: [['Ebonized Boulle', 'cabinet'], ['Tufted', 'sofa'], ['Gilt', 'mirror']], materials: ['Ebonized wood, brass and tortoiseshell marquetry', 'Giltwood and velvet'], usd: [2800, 13000] },
  { style: 'Biedermeier', origin: 'Austria', years: [1820, 1840], items: [['Fruitwood', 'secretaire'], ['Birch', 'commode'], ['Cherry', 'sofa'], ['Walnut', 'chairs_set']], materials: ['Cherrywood and ebonized details', 'Birch veneer', 'Walnut and horsehair'], usd: [2800, 18000] },
  { style: 'Gustavian', origin: 'Sweden', years: [1780, 1810], items: [['Painted', 'bench'], ['Painted', 'commode'], ['Giltwood', 'mirror'], ['Painted', 'chairs_set']], materials: ['Original grey paint', 'Painted pine and linen'], usd: [2800, 16000] },
  { style: 'Italian Baroque', origin: 'Italy', years: [1690, 1730], items: [['Giltwood', 'console'], ['Walnut', 'cabinet'], ['Carved', 'mirror']], materials: ['Carved giltwood and marble', 'Walnut and burr walnut'], usd: [8000, 42000] },
  { style: 'Neoclassical', origin: 'Italy', years: [1785, 1805], items: [['Marquetry', 'commode'], ['Walnut', 'console'], ['Painted', 'armchair']], materials: ['Walnut with fruitwood marquetry', 'Lacquered and parcel-gilt wood'], usd: [7000, 36000] },
  { style: 'Victorian', origin: 'England', years: [1860, 1890], items: [['Walnut Partners', 'desk'], ['Oak Library', 'bookcase'], ['Chesterfield', 'sofa']], materials: ['Burr walnut and leather', 'Oak', 'Leather'], usd: [1800, 9500] },
  { style: 'Art Deco', origin: 'France', years: [1925, 1938], items: [['Macassar Ebony', 'sideboard'], ['Shagreen', 'console'], ['Pair of Club', 'armchair'], ['Sunburst', 'mirror']], materials: ['Macassar ebony and ivorine', 'Shagreen and bronze', 'Leather and walnut'], usd: [4500, 42000] },
  { style: 'Dutch Baroque', origin: 'Netherlands', years: [1700, 1740], items: [['Walnut Marquetry', 'cabinet'], ['Bombé', 'commode']], materials: ['Walnut with floral marquetry', 'Oak and walnut'], usd: [9000, 36000] },
  { style: 'Spanish Colonial', origin: 'Spain', years: [1760, 1800], items: [['Vargueño', 'cabinet'], ['Walnut Refectory', 'dining_table']], materials: ['Walnut, iron mounts and bone inlay', 'Chestnut'], usd: [3800, 16000] },
  { style: 'Brutalist', origin: 'France', years: [1965, 1978], items: [['Oak', 'sideboard'], ['Elm', 'dining_table'], ['Carved Oak', 'cabinet']], materials: ['Solid oak', 'Elm and iron'], usd: [2000, 8800] },
];

const PERIOD_LIGHTING: readonly PeriodEntry[] = [
  { style: 'Empire', origin: 'France', years: [1805, 1825], items: [['Gilt-Bronze Twelve-Light', 'chandelier'], ['Gilt-Bronze', 'sconces_pair']], materials: ['Gilt bronze and cut crystal', 'Patinated and gilt bronze'], usd: [6000, 32000] },
  { style: 'Louis XV Style', origin: 'France', years: [1880, 1910], items: [['Crystal', 'chandelier'], ['Gilt-Bronze', 'sconces_pair']], materials: ['Crystal and gilt bronze'], usd: [3000, 16000] },
  { style: 'Dutch Baroque Style', origin: 'Netherlands', years: [1880, 1920], items: [['Brass Eighteen-Light', 'chandelier']], materials: ['Cast brass'], usd: [2500, 9000] },
  { style: 'Georgian', origin: 'England', years: [1790, 1820], items: [['Brass', 'lantern'], ['Giltwood', 'sconces_pair']], materials: ['Brass and glass', 'Giltwood and gesso'], usd: [4000, 18000] },
  { style: 'Art Deco', origin: 'France', years: [1925, 1935], items: [['Alabaster', 'ceiling_light'], ['Nickel', 'table_lamp'], ['Skyscraper', 'floor_lamp']], materials: ['Alabaster and wrought iron', 'Nickel-plated bronze and frosted glass'], usd: [1800, 9000] },
  { style: 'Italian Liberty', origin: 'Italy', years: [1900, 1920], items: [['Wrought-Iron', 'lantern'], ['Wrought-Iron', 'chandelier']], materials: ['Wrought iron and opalescent glass'], usd: [1500, 6500] },
  { style: 'Mid-Century', origin: 'Italy', years: [1955, 1969], items: [['Brass Sputnik', 'chandelier'], ['Murano Glass', 'pendant'], ['Brass Tripod', 'floor_lamp']], materials: ['Brass and opaline glass', 'Murano glass and chrome'], usd: [1200, 6500] },
];

// ---------------------------------------------------------------- art

const ART_PRINTS: readonly { artist: string; short: string; works: readonly string[]; technique: readonly string[]; years: readonly [number, number]; usd: readonly [number, number] }[] = [
  { artist: 'Joan Miró', short: 'Miró', works: ['Composition from Derrière le Miroir', 'Personnage et Oiseaux', 'Le Lézard aux Plumes d’Or'], technique: ['Lithograph in colours', 'Etching and aquatint'], years: [1950, 1975], usd: [1500, 18000] },
  { artist: 'Marc Chagall', short: 'Chagall', works: ['Le Bouquet', 'Les Amoureux', 'Daphnis et Chloé plate'], technique: ['Lithograph in colours'], years: [1955, 1975], usd: [2500, 24000] },
  { artist: 'Henri Matisse', short: 'Matisse', works: ['Icarus from Jazz', 'Nu bleu', 'Océanie'], technique: ['Pochoir in colours', 'Lithograph'], years: [1947, 1954], usd: [2500, 16000] },
  { artist: 'Alexander Calder', short: 'Calder', works: ['Spirales', 'Composition', 'Sun and Moon'], technique: ['Lithograph in colours'], years: [1965, 1976], usd: [1500, 9000] },
  { artist: 'Victor Vasarely', short: 'Vasarely', works: ['Vega', 'Kinetic Composition', 'Zebra'], technique: ['Screenprint in colours'], years: [1965, 1985], usd: [900, 6000] },
  { artist: 'Sonia Delaunay', short: 'Delaunay', works: ['Rythme Couleur', 'Composition'], technique: ['Pochoir', 'Aquatint in colours'], years: [1965, 1975], usd: [1500, 7500] },
  { artist: 'Bernard Buffet', short: 'Buffet', works: ['Paris, Notre-Dame', 'Nature morte au homard', 'Le Clown'], technique: ['Lithograph in colours', 'Drypoint'], years: [1958, 1985], usd: [1200, 8500] },
  { artist: 'Salvador Dalí', short: 'Dalí', works: ['Divine Comedy plate', 'Don Quichotte', 'Les Chants de Maldoror'], technique: ['Woodcut in colours', 'Etching'], years: [1959, 1975], usd: [900, 6500] },
  { artist: 'Pierre Soulages', short: 'Soulages', works: ['Eau-forte XVI', 'Lithographie n° 22'], technique: ['Etching', 'Lithograph'], years: [1957, 1980], usd: [4000, 22000] },
];

const ART_SCHOOLS: readonly { label: string; origin: string; years: readonly [number, number]; subjects: readonly string[]; kind: Kind; medium: readonly string[]; usd: readonly [number, number] }[] = [
  { label: 'French School', origin: 'France', years: [1780, 1890], subjects: ['Portrait of a Lady', 'River Landscape at Dusk', 'Still Life with Peaches', 'View of the Seine'], kind: 'painting', medium: ['Oil on canvas', 'Oil on panel'], usd: [2500, 26000] },
  { label: 'Dutch School', origin: 'Netherlands', years: [1650, 1780], subjects: ['Still Life with Tulips', 'Winter Landscape with Skaters', 'Tavern Interior', 'Seascape with Fishing Boats'], kind: 'painting', medium: ['Oil on panel', 'Oil on canvas'], usd: [4000, 38000] },
  { label: 'Italian School', origin: 'Italy', years: [1650, 1800], subjects: ['Capriccio with Roman Ruins', 'Madonna and Child', 'View of the Grand Canal', 'Allegory of Spring'], kind: 'painting', medium: ['Oil on canvas'], usd: [5000, 42000] },
  { label: 'English School', origin: 'England', years: [1760, 1850], subjects: ['Portrait of a Gentleman', 'Hunter in a Landscape', 'Coastal View near Dover'], kind: 'painting', medium: ['Oil on canvas'], usd: [2800, 22000] },
  { label: 'Flemish', origin: 'Belgium', years: [1620, 1720], subjects: ['Verdure with Birds', 'Hunting Scene'], kind: 'tapestry', medium: ['Wool and silk tapestry'], usd: [6000, 42000] },
  { label: 'Aubusson', origin: 'France', years: [1750, 1850], subjects: ['Verdure with Château', 'Pastoral Scene'], kind: 'tapestry', medium: ['Wool and silk tapestry'], usd: [5000, 36000] },
];

/** Invented twentieth-century artists (so no real artist is credited with a demo work). */
const ART_INVENTED_FIRST = ['Henri', 'Marthe', 'Luciano', 'Greta', 'Jan', 'Inés', 'Paul', 'Edith', 'Carlo', 'Wilhelm', 'Odile', 'Ramón', 'Margit', 'Theo', 'Ada'];
const ART_INVENTED_LAST = ['Laurent', 'Varnier', 'Bertolini', 'Halvorsen', 'van Houten', 'Soler', 'Morand', 'Kessler', 'Ravelli', 'Durieux', 'Castells', 'Lindqvist', 'Aubry', 'Hellmann', 'Marchetti'];
const ART_INVENTED: readonly { subjects: readonly string[]; kind: Kind; medium: readonly string[]; years: readonly [number, number]; usd: readonly [number, number] }[] = [
  { subjects: ['Abstract Composition', 'Composition in Blue and Ochre', 'Untitled (Red Forms)', 'Lyrical Abstraction'], kind: 'painting', medium: ['Oil on canvas', 'Acrylic on canvas', 'Gouache on paper'], years: [1952, 1985], usd: [1500, 14000] },
  { subjects: ['Nude Study', 'Portrait of the Artist’s Wife', 'Dancer Resting', 'Study of Hands'], kind: 'drawing', medium: ['Charcoal on paper', 'Pencil and wash on paper', 'Sanguine on paper'], years: [1920, 1965], usd: [800, 5500] },
  { subjects: ['Horse and Rider', 'Reclining Figure', 'Dancer', 'Abstract Form'], kind: 'sculpture', medium: ['Patinated bronze on marble base', 'Bronze, lost-wax cast', 'Carved travertine'], years: [1925, 1980], usd: [2000, 22000] },
  { subjects: ['Paris Street Scene', 'Venice in Fog', 'Portrait of a Model', 'Beach at Deauville'], kind: 'photograph', medium: ['Gelatin silver print', 'Vintage gelatin silver print', 'Platinum print'], years: [1935, 1975], usd: [1200, 8500] },
];

// ---------------------------------------------------------------- jewelry & watches

const JEWELRY_MAISONS: readonly { maker: string; short: string; lines: readonly (readonly [string, Kind])[]; materials: readonly string[]; years: readonly [number, number]; usd: readonly [number, number] }[] = [
  { maker: 'Cartier', short: 'Cartier', lines: [['Love', 'bracelet'], ['Trinity', 'ring'], ['Juste un Clou', 'bracelet'], ['Panthère', 'ring'], ['Art Deco Clip', 'brooch'], ['Santos', 'cufflinks']], materials: ['18k yellow gold', '18k rose gold', 'Platinum and diamonds', '18k white gold and diamonds'], years: [1970, 2010], usd: [2200, 28000] },
  { maker: 'Van Cleef & Arpels', short: 'Van Cleef', lines: [['Vintage Alhambra', 'necklace'], ['Perlée', 'bracelet'], ['Alhambra', 'earrings'], ['Fleurette', 'ring']], materials: ['18k yellow gold and mother-of-pearl', '18k gold and onyx', '18k gold and malachite', 'Platinum and diamonds'], years: [1970, 2015], usd: [3800, 26000] },
  { maker: 'Bulgari', short: 'Bulgari', lines: [['Serpenti', 'bracelet'], ['B.zero1', 'ring'], ['Tubogas', 'necklace'], ['Parentesi', 'earrings']], materials: ['18k yellow gold', '18k gold and stainless steel', '18k white gold and pavé diamonds'], years: [1975, 2010], usd: [1600, 22000] },
  { maker: 'Tiffany & Co.', short: 'Tiffany', lines: [['Schlumberger X', 'ring'], ['Elsa Peretti Bone', 'bracelet'], ['1960s Leaf', 'brooch'], ['Atlas', 'cufflinks']], materials: ['18k yellow gold', 'Sterling silver', 'Platinum and diamonds', '18k gold and enamel'], years: [1960, 2005], usd: [1100, 16000] },
  { maker: 'Boucheron', short: 'Boucheron', lines: [['Serpent Bohème', 'earrings'], ['Quatre', 'ring'], ['Vintage', 'brooch']], materials: ['18k yellow gold and diamonds', '18k gold, white ceramic and diamonds'], years: [1965, 2010], usd: [1800, 9000] },
  { maker: 'Buccellati', short: 'Buccellati', lines: [['engraved', 'bracelet'], ['Macri', 'ring'], ['Opera', 'earrings']], materials: ['Engraved 18k yellow and white gold', '18k gold and diamonds'], years: [1965, 2005], usd: [4500, 21000] },
  { maker: 'David Webb', short: 'Webb', lines: [['enamel Zebra', 'bracelet'], ['hammered gold', 'earrings'], ['Frog', 'brooch']], materials: ['18k gold, black and white enamel and diamonds', 'Hammered 18k gold'], years: [1965, 1985], usd: [9000, 45000] },
  { maker: 'Georg Jensen', short: 'Jensen', lines: [['Moonlight Grapes', 'brooch'], ['Vivianna', 'bracelet'], ['Torun neck ring', 'necklace']], materials: ['Sterling silver', 'Sterling silver and rock crystal'], years: [1930, 1975], usd: [700, 5500] },
  { maker: 'Chaumet', short: 'Chaumet', lines: [['Liens', 'ring'], ['Joséphine', 'ring'], ['1970s', 'necklace']], materials: ['18k yellow gold', 'Platinum and diamonds'], years: [1970, 2010], usd: [1500, 12000] },
];

const JEWELRY_PERIOD: readonly { style: string; origin: string; years: readonly [number, number]; items: readonly (readonly [string, Kind])[]; materials: readonly string[]; usd: readonly [number, number] }[] = [
  { style: 'Art Deco', origin: 'France', years: [1922, 1935], items: [['Platinum and Diamond', 'ring'], ['Sapphire and Diamond Clip', 'brooch'], ['Diamond Line', 'bracelet'], ['Onyx and Diamond Drop', 'earrings']], materials: ['Platinum, old European-cut diamonds', 'Platinum, calibré sapphires and diamonds', 'Platinum and onyx'], usd: [3000, 38000] },
  { style: 'Edwardian', origin: 'England', years: [1902, 1914], items: [['Pearl and Diamond Pendant', 'necklace'], ['Diamond Bow', 'brooch'], ['Sapphire Three-Stone', 'ring']], materials: ['Platinum-topped gold, natural pearls and diamonds', 'Platinum and rose-cut diamonds'], usd: [2500, 26000] },
  { style: 'Victorian', origin: 'England', years: [1845, 1895], items: [['Gold and Garnet', 'brooch'], ['Mourning', 'ring'], ['Gold Bangle', 'bracelet'], ['Gold Locket', 'necklace']], materials: ['15k gold and garnets', '18k gold, enamel and hair', '15k gold and seed pearls'], usd: [900, 8000] },
  { style: 'Georgian', origin: 'England', years: [1770, 1830], items: [['Rose-Cut Diamond Cluster', 'ring'], ['Paste Riviere', 'necklace']], materials: ['Silver-topped gold and rose-cut diamonds', 'Foiled paste and silver'], usd: [2500, 18000] },
  { style: 'Retro', origin: 'USA', years: [1940, 1950], items: [['Rose Gold Tank', 'bracelet'], ['Ruby Cocktail', 'ring'], ['Gold Bow', 'brooch']], materials: ['14k rose gold', '18k rose gold and synthetic rubies', '14k gold and aquamarine'], usd: [1500, 12000] },
  { style: 'Belle Époque', origin: 'France', years: [1895, 1914], items: [['Sapphire and Diamond', 'ring'], ['Garland', 'necklace'], ['Pearl', 'earrings']], materials: ['Platinum and gold, sapphire and diamonds', 'Platinum, natural pearls'], usd: [3000, 30000] },
  { style: '1970s', origin: 'Italy', years: [1968, 1979], items: [['Gold and Coral', 'earrings'], ['Gold Chain', 'necklace'], ['Lapis Cocktail', 'ring']], materials: ['18k yellow gold and coral', '18k gold and lapis lazuli'], usd: [1200, 9000] },
];

const HALLMARKS: readonly string[] = [
  'French eagle’s head hallmarks', 'marked 750', 'marked PT950', 'English hallmarks, Birmingham 1923', 'London hallmarks for 1897',
  'Italian 750 with star and maker number', 'marked 18K and PLAT', 'Dutch hallmarks', 'French dog’s head hallmark for platinum', 'marked 585',
];

const WATCHES: readonly { maker: string; short: string; models: readonly (readonly [string, string, number, number, number, number, Kind])[]; }[] = [
  // [model, reference, fromYear, toYear, usdLo, usdHi, kind]
  { maker: 'Rolex', short: 'Rolex', models: [['Submariner', '5513', 1966, 1985, 12000, 26000, 'wristwatch'], ['Submariner Date', '16610', 1990, 2008, 9000, 13500, 'wristwatch'], ['GMT-Master', '1675', 1965, 1979, 15000, 30000, 'wristwatch'], ['GMT-Master II', '16710', 1990, 2006, 11000, 16500, 'wristwatch'], ['Datejust', '1601', 1962, 1977, 4000, 7500, 'wristwatch'], ['Day-Date', '18038', 1978, 1988, 15000, 26000, 'wristwatch'], ['Explorer', '1016', 1963, 1989, 10000, 21000, 'wristwatch'], ['Cosmograph Daytona', '16520', 1988, 2000, 22000, 36000, 'chronograph'], ['Air-King', '5500', 1960, 1990, 4000, 7000, 'wristwatch']] },
  { maker: 'Patek Philippe', short: 'Patek', models: [['Calatrava', '3919', 1985, 2005, 12000, 20000, 'wristwatch'], ['Calatrava', '96', 1935, 1965, 15000, 32000, 'wristwatch'], ['Nautilus', '3800/1A', 1982, 1998, 36000, 62000, 'wristwatch'], ['Aquanaut', '5167A', 2007, 2018, 45000, 66000, 'wristwatch'], ['Golden Ellipse', '3738', 1975, 1995, 10000, 16500, 'wristwatch'], ['open-face', '—', 1895, 1925, 6000, 20000, 'pocket_watch']] },
  { maker: 'Audemars Piguet', short: 'AP', models: [['Royal Oak', '14790ST', 1993, 2005, 25000, 40000, 'wristwatch'], ['Royal Oak', '15300ST', 2005, 2012, 28000, 40000, 'wristwatch']] },
  { maker: 'Omega', short: 'Omega', models: [['Speedmaster Professional', '145.022', 1969, 1988, 5000, 10500, 'chronograph'], ['Seamaster 300', '165.024', 1964, 1970, 6000, 12500, 'wristwatch'], ['Constellation Pie-Pan', '168.005', 1962, 1968, 2500, 5500, 'wristwatch']] },
  { maker: 'Cartier', short: 'Cartier', models: [['Tank Louis Cartier', '78086', 1975, 1995, 8000, 14500, 'wristwatch'], ['Santos Galbée', '2319', 1990, 2005, 3000, 6000, 'wristwatch'], ['Panthère', '1320', 1985, 2000, 4000, 8500, 'wristwatch']] },
  { maker: 'Jaeger-LeCoultre', short: 'JLC', models: [['Reverso', '270.8.62', 1991, 2005, 4000, 9000, 'wristwatch'], ['Memovox', 'E855', 1965, 1975, 3000, 7000, 'wristwatch']] },
  { maker: 'Vacheron Constantin', short: 'Vacheron', models: [['Overseas', '42040', 1996, 2004, 12000, 22000, 'wristwatch'], ['dress watch', '6694', 1960, 1972, 6000, 15000, 'wristwatch'], ['hunter-case', '—', 1890, 1920, 4000, 12000, 'pocket_watch']] },
  { maker: 'Heuer', short: 'Heuer', models: [['Carrera', '2447', 1964, 1970, 8000, 20000, 'chronograph'], ['Autavia', '2446', 1965, 1972, 10000, 25000, 'chronograph'], ['Monaco', '1133', 1969, 1975, 10000, 20000, 'chronograph']] },
  { maker: 'Universal Genève', short: 'Universal', models: [['Polerouter', '20217', 1955, 1965, 2000, 5000, 'wristwatch'], ['Tri-Compax', '222100', 1945, 1960, 6000, 15000, 'chronograph']] },
  { maker: 'Breitling', short: 'Breitling', models: [['Navitimer', '806', 1959, 1968, 5000, 10500, 'chronograph']] },
  { maker: 'IWC', short: 'IWC', models: [['Ingenieur', '666AD', 1955, 1966, 3000, 8000, 'wristwatch'], ['Mark XI', '6B/346', 1949, 1955, 6000, 12500, 'wristwatch']] },
  { maker: 'Longines', short: 'Longines', models: [['13ZN flyback chronograph', '5699', 1940, 1950, 10000, 30000, 'chronograph']] },
  { maker: 'A. Lange & Söhne', short: 'Lange', models: [['Glashütte', '—', 1895, 1925, 8000, 20000, 'pocket_watch']] },
  { maker: 'Breguet', short: 'Breguet', models: [['Type XX', '3800', 1990, 2000, 7000, 14000, 'chronograph'], ['quarter-repeating', '—', 1830, 1870, 10000, 30000, 'pocket_watch']] },
];

const RING_SIZES: readonly { us: string; eu: number; uk: string }[] = [
  { us: '4.5', eu: 48, uk: 'I' }, { us: '5', eu: 49, uk: 'J½' }, { us: '5.5', eu: 50, uk: 'K½' }, { us: '6', eu: 52, uk: 'L½' },
  { us: '6.5', eu: 53, uk: 'M½' }, { us: '7', eu: 54, uk: 'N½' }, { us: '7.5', eu: 56, uk: 'O½' }, { us: '8', eu: 57, uk: 'P½' }, { us: '9', eu: 60, uk: 'R½' },
];

// ---------------------------------------------------------------- generation

export function newPiece(rng: Rng, category: DemoCategory, imperial: boolean, dimStyle: number): Piece {
  switch (category) {
    case 'furniture': return rng.chance(0.62) ? designerPiece(rng, 'furniture', FURNITURE_DESIGNERS, imperial, dimStyle) : periodPiece(rng, 'furniture', PERIOD_FURNITURE, imperial, dimStyle);
    case 'lighting': return rng.chance(0.7) ? designerPiece(rng, 'lighting', LIGHTING_DESIGNERS, imperial, dimStyle) : periodPiece(rng, 'lighting', PERIOD_LIGHTING, imperial, dimStyle);
    case 'art': return artPiece(rng, imperial, dimStyle);
    case 'jewelry': return jewelryPiece(rng, imperial);
    case 'watches': return watchPiece(rng);
  }
}

function originAdj(origin: string): string {
  const m: Record<string, string> = { Denmark: 'Danish', Italy: 'Italian', France: 'French', USA: 'American', Germany: 'German', Austria: 'Austrian', India: 'Indian', Netherlands: 'Dutch', Sweden: 'Swedish', England: 'English', Spain: 'Spanish', Japan: 'Japanese', Belgium: 'Flemish' };
  return m[origin] ?? origin;
}

function designerPiece(rng: Rng, category: DemoCategory, list: readonly DesignerEntry[], imperial: boolean, dimStyle: number): Piece {
  const d = rng.pick(list);
  const [rawModel, modelKind, allowed] = rng.pick(d.models);
  const isModel = /^[A-Z0-9]/.test(rawModel);
  const model = isModel ? rawModel : rawModel.replace(/(^|[ -])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()).replace(/ And /g, ' and ');
  const year = rng.int(d.years[0], d.years[1]);
  const materials = allowed ? (d.materials[rng.pick(allowed)] ?? rng.pick(d.materials)) : rng.pick(d.materials);
  const count = modelKind === 'chairs_set' ? rng.pick([2, 4, 4, 6, 6, 8]) : modelKind === 'armchair' && rng.chance(0.25) ? 2 : undefined;
  const kind: Kind = modelKind === 'armchair' && count === 2 ? 'armchairs_pair' : modelKind;
  const producer = d.producer ? rng.pick(d.producer) : undefined;
  const kindTitle = KIND_TITLE[kind];
  const setSuffix = kind === 'chairs_set' ? `, Set of ${count}` : '';
  const decadeText = decade(year);
  const plainOrigin = d.origin === 'India' || d.origin === 'Japan';
  let shape = isModel ? rng.int(0, 3) : rng.int(0, 2);
  if (shape === 2 && plainOrigin) shape = 0;
  const producedBy = producer && !producer.startsWith('made') ? ` for ${producer}` : '';
  let title: string;
  if (shape === 0) title = `${d.maker} ${model} ${kindTitle} in ${materials}${setSuffix}, ${decadeText}`;
  else if (shape === 1) title = `${model} ${kindTitle} by ${d.maker}${producedBy}${setSuffix}, ${d.origin}, ${decadeText}`;
  else if (shape === 2) title = `${originAdj(d.origin)} ${d.maker} ${model} ${kindTitle}${setSuffix}, ${decadeText}`;
  else title = `${d.maker} ${kindTitle}, Model ${model}${setSuffix}, ${materials}, ${decadeText}`;
  title = title.replace('Model Model', 'Model').replace(/ {2,}/g, ' ');
  let usd = niceUsd(rng, d.usd[0], d.usd[1]);
  if (count && kind === 'chairs_set') usd *= 0.5 + count / 8;
  if (kind === 'armchairs_pair') usd *= 1.7;
  const piece: Piece = {
    category, kind, title, period: decadeText, year, maker: d.maker, makerShort: d.short, materials,
    dimensions: fmtDims(rng, dimsFor(rng, kind), imperial, dimStyle), priceUsd: usd, origin: d.origin,
  };
  if (producer) piece.producer = producer;
  if (d.mark) piece.mark = rng.pick(d.mark);
  if (count) piece.count = count;
  return piece;
}

function periodPiece(rng: Rng, category: DemoCategory, list: readonly PeriodEntry[], imperial: boolean, dimStyle: number): Piece {
  const p = rng.pick(list);
  const [desc, kind] = rng.pick(p.items);
  const year = rng.int(p.years[0], p.years[1]);
  const materials = rng.pick(p.materials);
  const circa = rng.chance(0.55);
  const period = circa ? `circa ${Math.round(year / 5) * 5}` : centuryPart(year);
  const count = kind === 'chairs_set' ? rng.pick([4, 6, 6, 8, 10, 12]) : undefined;
  const kindTitle = kind === 'chairs_set' ? 'Chairs' : kind === 'sconces_pair' ? 'Wall Lights, Pair' : KIND_TITLE[kind];
  const setSuffix = count ? `, Set of ${count}` : '';
  const adjective = originAdj(p.origin);
  const shape = p.style.startsWith(adjective) ? rng.pick([0, 2]) : rng.int(0, 2);
  let title: string;
  if (shape === 0) title = `${p.style} ${desc} ${kindTitle}${setSuffix}, ${period}`;
  else if (shape === 1) title = `${originAdj(p.origin)} ${p.style} ${desc} ${kindTitle}${setSuffix}, ${period}`;
  else title = `${p.style} ${desc} ${kindTitle}${setSuffix}, ${p.origin}, ${period}`;
  title = title.replace(/ {2,}/g, ' ');
  let usd = niceUsd(rng, p.usd[0], p.usd[1]);
  if (count) usd *= 0.6 + count / 10;
  const piece: Piece = {
    category, kind, title, period, year, materials, dimensions: fmtDims(rng, dimsFor(rng, kind), imperial, dimStyle), priceUsd: usd, origin: p.origin,
  };
  if (count) piece.count = count;
  return piece;
}

function artPiece(rng: Rng, imperial: boolean, dimStyle: number): Piece {
  const roll = rng.next();
  if (roll < 0.35) {
    const a = rng.pick(ART_PRINTS);
    const year = rng.int(a.years[0], a.years[1]);
    const work = rng.pick(a.works);
    const tech = rng.pick(a.technique);
    const size = rng.pick([50, 75, 90, 100, 120, 150, 200, 300]);
    const n = rng.int(1, size);
    const signed = rng.chance(0.7);
    const edition = `${n}/${size}`;
    const title = `${a.artist}, ${work}, ${tech}, ${signed ? 'Signed and Numbered' : 'Numbered'} ${edition}, ${year}`;
    return {
      category: 'art', kind: 'print', title, period: String(year), year, maker: a.artist, makerShort: a.short, materials: `${tech} on Arches paper`,
      dimensions: `Sheet: ${fmtDims(rng, dimsFor(rng, 'print'), imperial, dimStyle)}`, priceUsd: niceUsd(rng, a.usd[0], a.usd[1]) * (signed ? 1 : 0.55),
      origin: 'France', edition, mark: signed ? 'pencil-signed lower right' : 'numbered in pencil',
    };
  }
  if (roll < 0.6) {
    const s = rng.pick(ART_SCHOOLS);
    const year = rng.int(s.years[0], s.years[1]);
    const subject = rng.pick(s.subjects);
    const medium = rng.pick(s.medium);
    const period = rng.chance(0.5) ? `circa ${Math.round(year / 10) * 10}` : centuryPart(year);
    const title = `${s.label}, ${subject}, ${medium}, ${period}`;
    const dims = dimsFor(rng, s.kind);
    const framed = s.kind === 'painting' ? `; framed ${fmtDims(rng, { h: dims.h + rng.int(12, 25), w: (dims.w ?? 40) + rng.int(12, 25) }, imperial, dimStyle)}` : '';
    return {
      category: 'art', kind: s.kind, title, period, year, materials: medium, dimensions: fmtDims(rng, dims, imperial, dimStyle) + framed,
      priceUsd: niceUsd(rng, s.usd[0], s.usd[1]), origin: s.origin, mark: rng.pick(['an old collection label on the stretcher', 'a gallery label on the reverse', 'unsigned']),
    };
  }
  const e = rng.pick(ART_INVENTED);
  const artist = `${rng.pick(ART_INVENTED_FIRST)} ${rng.pick(ART_INVENTED_LAST)}`;
  const year = rng.int(e.years[0], e.years[1]);
  const subject = rng.pick(e.subjects);
  const medium = rng.pick(e.medium);
  const dated = rng.chance(0.6);
  const title = `${artist}, ${subject}, ${medium}, ${dated ? String(year) : decade(year)}`;
  return {
    category: 'art', kind: e.kind, title, period: dated ? String(year) : decade(year), year, maker: artist, makerShort: artist.split(' ').slice(1).join(' '),
    materials: medium, dimensions: fmtDims(rng, dimsFor(rng, e.kind), imperial, dimStyle), priceUsd: niceUsd(rng, e.usd[0], e.usd[1]), origin: 'Europe',
    mark: rng.pick(['signed lower right', 'signed and dated on the reverse', 'signed with monogram', 'stamped with the foundry mark']),
  };
}

function jewelDims(rng: Rng, kind: Kind, imperial: boolean, ring?: { us: string; eu: number; uk: string }): string {
  const range: Partial<Record<Kind, readonly [number, number]>> = { ring: [2, 11], bracelet: [14, 75], necklace: [8, 60], earrings: [4, 18], brooch: [6, 28], cufflinks: [8, 24] };
  const [lo, hi] = range[kind] ?? [5, 30];
  const g = `${rng.int(lo, hi)}.${rng.int(0, 9)} g`;
  switch (kind) {
    case 'ring': return `Ring size ${imperial ? `US ${ring?.us} (EU ${ring?.eu})` : `EU ${ring?.eu} (US ${ring?.us})`}; ${g}`;
    case 'bracelet': return `Inner circumference ${imperial ? `${rng.int(6, 7)}.${rng.int(0, 9)} in.` : `${rng.int(15, 19)} cm`}; ${g}`;
    case 'necklace': return `Length ${imperial ? `${rng.int(15, 32)} in.` : `${rng.int(38, 80)} cm`}; ${g}`;
    case 'earrings': return `Drop ${imperial ? `${rng.int(1, 2)}.${rng.int(0, 9)} in.` : `${rng.int(15, 55) / 10} cm`}; ${g} the pair`;
    case 'brooch': return `${rng.int(28, 70) / 10} x ${rng.int(15, 45) / 10} cm; ${g}`;
    default: return `${rng.int(14, 22)} mm; ${g} the pair`;
  }
}

function jewelryPiece(rng: Rng, imperial: boolean): Piece {
  if (rng.chance(0.5)) {
    const m = rng.pick(JEWELRY_MAISONS);
    const [line, kind] = rng.pick(m.lines);
    const year = rng.int(m.years[0], m.years[1]);
    const materials = rng.pick(m.materials);
    const ring = kind === 'ring' ? rng.pick(RING_SIZES) : undefined;
    const withPapers = rng.chance(0.4);
    const shape = rng.int(0, 2);
    let title: string;
    const kindTitle = KIND_TITLE[kind];
    if (shape === 0) title = `${m.maker} ${line} ${kindTitle} in ${materials}`;
    else if (shape === 1) title = `Vintage ${m.maker} ${line} ${materials} ${kindTitle}, ${decade(year)}`;
    else title = `${m.maker} ${line} ${kindTitle}, ${materials}${withPapers ? ', with Box and Certificate' : ''}`;
    const piece: Piece = {
      category: 'jewelry', kind, title, period: decade(year), year, maker: m.maker, makerShort: m.short, materials,
      dimensions: jewelDims(rng, kind, imperial, ring), priceUsd: niceUsd(rng, m.usd[0], m.usd[1]), origin: 'France',
      hallmark: rng.pick(HALLMARKS), ref: `serial ${upperDigits(rng)}`,
    };
    if (ring) piece.ringSize = ring;
    return piece;
  }
  const p = rng.pick(JEWELRY_PERIOD);
  const [desc, kind] = rng.pick(p.items);
  const year = rng.int(p.years[0], p.years[1]);
  const materials = rng.pick(p.materials);
  const ring = kind === 'ring' ? rng.pick(RING_SIZES) : undefined;
  const carat = Math.round(rng.real(0.3, 3.2) * 100) / 100;
  const withCt = /diamond|sapphire/i.test(desc + materials) && rng.chance(0.5);
  const period = rng.chance(0.6) ? `circa ${Math.round(year / 5) * 5}` : decade(year);
  const title = `${p.style} ${desc}${withCt ? ` (${carat.toFixed(2)} ct)` : ''} ${KIND_TITLE[kind]}, ${period}`;
  const piece: Piece = {
    category: 'jewelry', kind, title, period, year, materials, dimensions: jewelDims(rng, kind, imperial, ring),
    priceUsd: niceUsd(rng, p.usd[0], p.usd[1]) * (withCt ? 1 + carat / 3 : 1), origin: p.origin, hallmark: rng.pick(HALLMARKS), carat,
  };
  if (ring) piece.ringSize = ring;
  return piece;
}

function upperDigits(rng: Rng): string {
  return `${'ABCDEFGHJKLMNPRSTVWXYZ'[rng.int(0, 21)]}${'ABCDEFGHJKLMNPRSTVWXYZ'[rng.int(0, 21)]}${rng.int(1000, 9999)}${rng.int(10, 99)}`;
}

function watchPiece(rng: Rng): Piece {
  const w = rng.pick(WATCHES);
  const [model, ref, y0, y1, lo, hi, kind] = rng.pick(w.models);
  const year = rng.int(y0, y1);
  const pocket = kind === 'pocket_watch';
  const caseMm = pocket ? rng.int(44, 56) : rng.pick([33, 34, 35, 36, 36, 37, 38, 39, 40, 40, 42]);
  const material = pocket ? rng.pick(['18k yellow gold', '18k gold hunter case', 'silver']) : /Day-Date|Calatrava|Golden|Tank|dress|Ellipse/.test(model) ? rng.pick(['18k yellow gold', '18k white gold', '18k rose gold']) : rng.pick(['stainless steel', 'stainless steel', 'steel and gold']);
  const full = !pocket && rng.chance(0.35);
  const refText = ref === '—' ? '' : ` Ref. ${ref}`;
  const shape = rng.int(0, 2);
  let title: string;
  if (pocket) title = `${w.maker} ${model} ${KIND_TITLE[kind]} in ${material}, circa ${Math.round(year / 5) * 5}`;
  else if (shape === 0) title = `${w.maker} ${model}${refText}, ${material}, ${year}${full ? ', Box and Papers' : ''}`;
  else if (shape === 1) title = `Vintage ${w.maker} ${model}${refText} in ${material}, circa ${year}`;
  else title = `${w.maker} ${model}${refText} ${caseMm} mm ${material.replace('stainless steel', 'Steel')} ${kind === 'chronograph' ? 'Chronograph' : 'Watch'}${full ? ', Full Set' : ''}, ${year}`;
  const serial = pocket ? `movement no. ${rng.int(100000, 199999)}` : `serial ${rng.int(1, 9)}${rng.int(100000, 999999)}`;
  return {
    category: 'watches', kind, title, period: pocket ? `circa ${Math.round(year / 5) * 5}` : String(year), year, maker: w.maker, makerShort: w.short,
    materials: material.charAt(0).toUpperCase() + material.slice(1), dimensions: `Case ${caseMm} mm`,
    priceUsd: niceUsd(rng, lo, hi) * (full ? 1.15 : 1), origin: 'Switzerland', ref: ref === '—' ? serial : `Ref. ${ref}, ${serial}`, caseMm,
  };
}

// ---------------------------------------------------------------- prices

const PER_USD: Record<string, number> = { USD: 1, GBP: 0.79, EUR: 0.92, CHF: 0.88, DKK: 6.87, SEK: 10.5, NOK: 10.7, CAD: 1.37, AUD: 1.52 };

/** Rounds to a price a dealer would write: 1,850 / 4,900 / 12,500 / 38,000. */
export function nicePrice(rng: Rng, major: number): number {
  let step: number;
  if (major < 1000) step = 50;
  else if (major < 5000) step = 100;
  else if (major < 20000) step = 250;
  else if (major < 100000) step = 1000;
  else step = 5000;
  let v = Math.max(step, Math.round(major / step) * step);
  if (major >= 1000 && rng.chance(0.3)) v -= step >= 250 ? step / 5 : 10 * (step / 50);
  return Math.round(v);
}

export function priceMinor(rng: Rng, usd: number, currency: string): number {
  const rate = PER_USD[currency] ?? 1;
  return nicePrice(rng, usd * rate) * 100;
}

/** Rounds a negotiated amount to a figure people type. */
export function roundAmount(major: number): number {
  const step = major < 2000 ? 50 : major < 10000 ? 100 : major < 50000 ? 500 : 1000;
  return Math.max(step, Math.round(major / step) * step);
}
