import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Sector-support impact dashboard', template: '%s · Sector-support impact dashboard' },
  description:
    'Figures the Local Government Association reports to its Improvement and Innovation Board, with their sources.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-4 text-sm text-slate-600">
          Figures from Local Government Association board reports. Every figure links to the sentence it came from.
        </footer>
      </body>
    </html>
  );
}
