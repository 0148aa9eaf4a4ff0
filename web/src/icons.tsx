import type { SVGProps } from 'react';

/** Stroke icons drawn for the console (16×16 grid, currentColor). */
function Icon({ children, ...rest }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...rest}>
      {children}
    </svg>
  );
}

type P = SVGProps<SVGSVGElement>;

export const IconQueues = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 9.5h3l1 1.5h3l1-1.5h3" />
    <path d="M2.5 9.5 4 3.5h8l1.5 6v3a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1z" />
  </Icon>
);
export const IconCases = (p: P) => (
  <Icon {...p}>
    <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />
    <path d="M5 6h6M5 8.5h6M5 11h3.5" />
  </Icon>
);
export const IconReview = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    <path d="m6 7 1.3 1.3L10 5.7" />
  </Icon>
);
export const IconSellers = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 6.5 3.5 3h9l1 3.5" />
    <path d="M2.5 6.5c0 1 .8 1.8 1.8 1.8S6 7.5 6 6.5c0 1 .8 1.8 2 1.8s2-.8 2-1.8c0 1 .8 1.8 1.8 1.8s1.7-.8 1.7-1.8" />
    <path d="M3.5 8.2v5.3h9V8.2M6.5 13.5v-3h3v3" />
  </Icon>
);
export const IconScale = (p: P) => (
  <Icon {...p}>
    <path d="M8 2.5v11M5 13.5h6M3 4.5h10" />
    <path d="m3 4.5-1.5 4a1.5 1.5 0 0 0 3 0zM13 4.5l-1.5 4a1.5 1.5 0 0 0 3 0z" />
  </Icon>
);
export const IconUsers = (p: P) => (
  <Icon {...p}>
    <circle cx="6" cy="5.5" r="2.3" />
    <path d="M1.8 13c.4-2.2 2.1-3.6 4.2-3.6s3.8 1.4 4.2 3.6" />
    <path d="M10.5 3.4a2.2 2.2 0 0 1 0 4.2M12 9.6c1.2.5 2 1.7 2.2 3.4" />
  </Icon>
);
export const IconKey = (p: P) => (
  <Icon {...p}>
    <circle cx="5.5" cy="10.5" r="3" />
    <path d="m7.6 8.4 5.9-5.9M11.5 4.5l1.5 1.5M10 6l1.2 1.2" />
  </Icon>
);
export const IconWebhook = (p: P) => (
  <Icon {...p}>
    <path d="M6.5 5.2a2.5 2.5 0 1 1 3.6 2.2L8 11" />
    <path d="M4.4 8.6a2.5 2.5 0 1 0 3.5 3.4h4.6" />
    <path d="M11.3 9.5a2.5 2.5 0 1 1-.5 4.8" />
  </Icon>
);
/** Sliders: the rules that tune detection. */
export const IconRules = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 4h6M11.5 4h2M2.5 8h2M7.5 8h6M2.5 12h7M12.5 12h1" />
    <circle cx="10" cy="4" r="1.5" />
    <circle cx="6" cy="8" r="1.5" />
    <circle cx="11" cy="12" r="1.5" />
  </Icon>
);
export const IconShield = (p: P) => (
  <Icon {...p}>
    <path d="M8 1.8 13 3.6v4c0 3-2.1 5.4-5 6.6-2.9-1.2-5-3.6-5-6.6v-4z" />
    <path d="m5.8 8 1.5 1.5 3-3" />
  </Icon>
);
export const IconSignOut = (p: P) => (
  <Icon {...p}>
    <path d="M6 13.5H3.5a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1H6M10.5 11l3-3-3-3M13.5 8H6" />
  </Icon>
);
export const IconNote = (p: P) => (
  <Icon {...p}>
    <path d="M3 2.5h7l3 3v8H3z" />
    <path d="M5.5 7.5h5M5.5 10h3.5" />
  </Icon>
);
export const IconArrow = (p: P) => (
  <Icon {...p}>
    <path d="M3 8h10M9 4l4 4-4 4" />
  </Icon>
);
export const IconClip = (p: P) => (
  <Icon {...p}>
    <path d="m13 7.5-5.2 5.2a3 3 0 0 1-4.3-4.2L9 3a2 2 0 0 1 2.8 2.8l-5.4 5.4a1 1 0 0 1-1.4-1.4L10 4.8" />
  </Icon>
);
export const IconUser = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="5.5" r="2.5" />
    <path d="M3 13.5c.5-2.6 2.5-4 5-4s4.5 1.4 5 4" />
  </Icon>
);
export const IconPlus = (p: P) => (
  <Icon {...p}>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);
export const IconSpark = (p: P) => (
  <Icon {...p}>
    <path d="M8 2v3M8 11v3M2 8h3M11 8h3" />
  </Icon>
);
export const IconCheckCircle = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="m5.5 8.2 1.7 1.7 3.3-3.5" />
  </Icon>
);
export const IconAlert = (p: P) => (
  <Icon {...p}>
    <path d="M8 2 14.5 13.5h-13z" />
    <path d="M8 6.5v3M8 11.5v.1" />
  </Icon>
);
export const IconChat = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 3.5h11v7.5H8l-3 2.5V11H2.5z" />
  </Icon>
);
export const IconClock = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="5.8" />
    <path d="M8 4.8V8l2.2 1.4" />
  </Icon>
);

export const IconBook = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 3.5c1.8-.7 3.7-.7 5.5.5v9c-1.8-1.2-3.7-1.2-5.5-.5z" />
    <path d="M13.5 3.5c-1.8-.7-3.7-.7-5.5.5v9c1.8-1.2 3.7-1.2 5.5-.5z" />
  </Icon>
);

export const IconChart = (p: P) => (
  <Icon {...p}>
    <path d="M2.5 2.5v11h11" />
    <path d="M5 11V8M8 11V5M11 11V7" />
  </Icon>
);
export const IconSearch = (p: P) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Icon>
);

/** The Assay mark: an assayer's "A" on the accent colour. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg className={className ?? 'brand-mark'} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#3b4fd8" />
      <path d="M9 23 16 8l7 15M11.8 17.5h8.4" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
