import type { ReactNode } from 'react';
import { LanguageSelect } from '../components/language-select';
import { PageHeading } from '../components/page-heading';

/** The frame of the screens shown before sign-in: brand, language choice and one card. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <div className="auth-layout">
      <header className="auth-header">
        <span className="brand">Cairn</span>
        <LanguageSelect />
      </header>
      <main id="main" className="auth-card">
        <PageHeading>{title}</PageHeading>
        <p className="lead">{intro}</p>
        {children}
      </main>
    </div>
  );
}
