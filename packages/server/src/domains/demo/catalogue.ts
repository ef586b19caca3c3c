/**
 * The fictional company's world: common first and last names (generic, combined at random, so no real person is
 * described), its stores, products, pages and devices. Nordlicht Sport is invented; every e-mail address uses
 * example.com (RFC 2606), which can never reach anyone.
 */

export const company = {
  name: 'Nordlicht Sport',
  domain: 'nordlicht-sport.example',
  workspace: 'Nordlicht Sport (Demo)',
};

export const firstNames = {
  de: [
    'Anna',
    'Lena',
    'Marie',
    'Sophie',
    'Laura',
    'Julia',
    'Sarah',
    'Lea',
    'Hannah',
    'Katharina',
    'Lukas',
    'Jonas',
    'Leon',
    'Felix',
    'Paul',
    'Maximilian',
    'Tim',
    'Jan',
    'Niklas',
    'Tobias',
    'Sabine',
    'Petra',
    'Thomas',
    'Michael',
    'Andreas',
    'Stefan',
    'Claudia',
    'Monika',
    'Jürgen',
    'Uwe',
  ],
  en: [
    'Emma',
    'Olivia',
    'Amelia',
    'Grace',
    'Chloe',
    'Emily',
    'Jack',
    'Oliver',
    'Harry',
    'George',
    'James',
    'Thomas',
    'Daniel',
    'Sophia',
    'Lucy',
    'Samuel',
  ],
} as const;

export const lastNames = {
  de: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Schäfer',
    'Koch',
    'Bauer',
    'Richter',
    'Klein',
    'Wolf',
    'Schröder',
    'Neumann',
    'Schwarz',
    'Zimmermann',
    'Braun',
    'Krüger',
    'Hofmann',
    'Hartmann',
    'Lange',
  ],
  en: [
    'Smith',
    'Jones',
    'Taylor',
    'Brown',
    'Williams',
    'Wilson',
    'Johnson',
    'Davies',
    'Robinson',
    'Wright',
    'Thompson',
    'Evans',
    'Walker',
    'White',
  ],
} as const;

/** High-street stores; customers live near one of them. */
export const stores = [
  { id: 'store-hamburg', city: 'Hamburg' },
  { id: 'store-berlin', city: 'Berlin' },
  { id: 'store-muenchen', city: 'München' },
  { id: 'store-koeln', city: 'Köln' },
  { id: 'store-leipzig', city: 'Leipzig' },
  { id: 'store-dresden', city: 'Dresden' },
] as const;

export interface Product {
  id: string;
  name: string;
  category: string;
  price: number;
}

export const products: readonly Product[] = [
  { id: 'P-1001', name: 'Trailrunning-Schuh Fjell', category: 'Schuhe', price: 129.95 },
  { id: 'P-1002', name: 'Laufschuh Sprint', category: 'Schuhe', price: 99.95 },
  { id: 'P-1003', name: 'Wanderstiefel Alpin GTX', category: 'Schuhe', price: 189.0 },
  { id: 'P-2001', name: 'Regenjacke Nordwind', category: 'Jacken', price: 149.0 },
  { id: 'P-2002', name: 'Daunenjacke Polar', category: 'Jacken', price: 239.0 },
  { id: 'P-2003', name: 'Softshelljacke Brise', category: 'Jacken', price: 119.0 },
  { id: 'P-3001', name: 'Funktionsshirt Dry', category: 'Shirts', price: 34.95 },
  { id: 'P-3002', name: 'Merino-Longsleeve', category: 'Shirts', price: 69.95 },
  { id: 'P-4001', name: 'Rucksack Tour 28', category: 'Ausrüstung', price: 89.0 },
  { id: 'P-4002', name: 'Trinkflasche 0,75 l', category: 'Ausrüstung', price: 17.95 },
  { id: 'P-4003', name: 'Stirnlampe Lumen', category: 'Ausrüstung', price: 44.95 },
  { id: 'P-5001', name: 'Yogamatte Balance', category: 'Fitness', price: 39.95 },
  { id: 'P-5002', name: 'Kettlebell 12 kg', category: 'Fitness', price: 49.0 },
  { id: 'P-6001', name: 'Fahrradhelm Urban', category: 'Rad', price: 79.0 },
  { id: 'P-6002', name: 'Radtrikot Pro', category: 'Rad', price: 59.95 },
];

export const searchTerms = [
  'laufschuhe',
  'regenjacke',
  'rucksack',
  'wanderschuhe damen',
  'yoga',
  'helm',
  'merino',
  'daunenjacke herren',
  'trinkflasche',
  'running shoes',
  'rain jacket',
  'stirnlampe',
] as const;

export const categoryPages = ['schuhe', 'jacken', 'shirts', 'ausruestung', 'fitness', 'rad'] as const;

export const webAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
] as const;

export const appDevices = [
  { type: 'ios', model: 'iPhone15,2', os: { name: 'iOS', version: '17.4' } },
  { type: 'android', model: 'Pixel 8', os: { name: 'Android', version: '14' } },
  { type: 'android', model: 'SM-S911B', os: { name: 'Android', version: '14' } },
] as const;

export const ticketTopics = ['delivery', 'return', 'payment', 'product', 'account'] as const;
