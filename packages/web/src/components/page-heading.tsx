import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The page's <h1>. After an in-app navigation focus moves here, so keyboard and screen-reader users start on the
 * new page instead of on the link they left (single-page apps do not do this by themselves).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement !== document.body) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
