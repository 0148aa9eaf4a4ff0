import { useEffect } from 'react';

/** Sets the tab title: "<page> · Assay". */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title === undefined || title === '' ? 'Assay' : `${title} · Assay`;
  }, [title]);
}
