/**
 * What the demo catalog is made of: its sellers and, per kind of product, the category path,
 * brands, series, price range, options, specifications (with the category filters they feed),
 * features and weight. The generator in `catalog.demo.ts` draws each product from these.
 */

export const SELLERS = [
  'Aarav Traders',
  'Meera Retail',
  'Kiran Electronics',
  'Vista Lifestyle',
  'Nilgiri Goods',
];

export interface SpecDef {
  name: string;
  values: readonly string[];
  filter?: { key: string; label: string; kind: 'ENUM' | 'RANGE' | 'BOOLEAN' };
}

export interface Kind {
  path: readonly string[];
  noun: string;
  brands: readonly string[];
  series: readonly string[];
  /** Price range in major units. */
  price: readonly [number, number];
  options: Record<string, readonly string[]>;
  specs: readonly SpecDef[];
  features: readonly string[];
  grams: readonly [number, number];
}

const RAM: SpecDef = {
  name: 'RAM',
  values: ['4 GB', '6 GB', '8 GB', '12 GB', '16 GB'],
  filter: { key: 'ram', label: 'RAM', kind: 'ENUM' },
};
export const KINDS: readonly Kind[] = [
  {
    path: ['Electronics', 'Mobiles', 'Smartphones'],
    noun: 'Smartphone',
    brands: ['Apple', 'Samsung', 'OnePlus', 'Xiaomi', 'Nokia', 'Motorola', 'Realme'],
    series: ['Nova', 'Galaxy', 'Edge', 'Note', 'Pro', 'Lite', 'Max', 'Neo'],
    price: [6999, 149999],
    options: { Storage: ['128 GB', '256 GB', '512 GB'], Colour: ['Black', 'Blue', 'Silver', 'Green'] },
    specs: [
      RAM,
      {
        name: 'Screen size',
        values: ['6.1', '6.4', '6.7', '6.8'],
        filter: { key: 'screen', label: 'Screen size (in)', kind: 'RANGE' },
      },
      { name: '5G', values: ['true', 'false'], filter: { key: '5g', label: '5G', kind: 'BOOLEAN' } },
      { name: 'Battery', values: ['4000 mAh', '4500 mAh', '5000 mAh', '6000 mAh'] },
    ],
    features: ['AMOLED display', 'fast charging', 'triple camera', 'all-day battery', 'water resistance'],
    grams: [160, 230],
  },
  {
    path: ['Electronics', 'Mobiles', 'Feature Phones'],
    noun: 'Feature Phone',
    brands: ['Nokia', 'Lava', 'Itel', 'Jio'],
    series: ['Classic', 'Bold', 'Prime', 'Star'],
    price: [999, 4999],
    options: { Colour: ['Black', 'Red', 'Blue'] },
    specs: [{ name: 'Battery', values: ['1000 mAh', '1500 mAh', '2000 mAh'] }],
    features: ['long standby', 'FM radio', 'torch', 'dual SIM'],
    grams: [70, 120],
  },
  {
    path: ['Electronics', 'Laptops'],
    noun: 'Laptop',
    brands: ['Apple', 'Dell', 'HP', 'Lenovo', 'Asus', 'Acer'],
    series: ['Book', 'Inspire', 'Pavilion', 'ThinkPad', 'Zen', 'Swift', 'Aspire'],
    price: [29999, 249999],
    options: { Memory: ['8 GB', '16 GB', '32 GB'] },
    specs: [
      {
        name: 'Processor',
        values: ['Core i5', 'Core i7', 'Ryzen 5', 'Ryzen 7', 'M3'],
        filter: { key: 'processor', label: 'Processor', kind: 'ENUM' },
      },
      {
        name: 'Screen size',
        values: ['13.3', '14', '15.6', '16'],
        filter: { key: 'screen', label: 'Screen size (in)', kind: 'RANGE' },
      },
      { name: 'SSD', values: ['256 GB', '512 GB', '1 TB'] },
    ],
    features: ['backlit keyboard', 'thin and light', 'fingerprint reader', 'long battery life'],
    grams: [1100, 2400],
  },
  {
    path: ['Electronics', 'Audio', 'Headphones'],
    noun: 'Headphones',
    brands: ['Sony', 'Bose', 'JBL', 'boAt', 'Sennheiser', 'Skullcandy'],
    series: ['Wave', 'Quiet', 'Bass', 'Air', 'Studio'],
    price: [799, 34999],
    options: { Colour: ['Black', 'White', 'Blue'] },
    specs: [
      {
        name: 'Type',
        values: ['Over-ear', 'On-ear', 'In-ear'],
        filter: { key: 'type', label: 'Type', kind: 'ENUM' },
      },
      {
        name: 'Wireless',
        values: ['true', 'false'],
        filter: { key: 'wireless', label: 'Wireless', kind: 'BOOLEAN' },
      },
      { name: 'Noise cancelling', values: ['true', 'false'] },
    ],
    features: ['active noise cancelling', 'deep bass', '30-hour battery', 'comfortable fit'],
    grams: [20, 320],
  },
  {
    path: ['Electronics', 'Audio', 'Speakers'],
    noun: 'Bluetooth Speaker',
    brands: ['JBL', 'Sony', 'boAt', 'Marshall', 'Bose'],
    series: ['Go', 'Flip', 'Boom', 'Party', 'Mini'],
    price: [999, 29999],
    options: { Colour: ['Black', 'Red', 'Teal'] },
    specs: [
      {
        name: 'Output',
        values: ['5 W', '10 W', '20 W', '40 W'],
        filter: { key: 'output', label: 'Output', kind: 'ENUM' },
      },
    ],
    features: ['waterproof', 'party lights', 'stereo pairing', 'rich sound'],
    grams: [200, 1500],
  },
  {
    path: ['Electronics', 'Cameras'],
    noun: 'Camera',
    brands: ['Canon', 'Nikon', 'Sony', 'Fujifilm'],
    series: ['EOS', 'Z', 'Alpha', 'X'],
    price: [24999, 299999],
    options: { Kit: ['Body only', 'With 18-55 mm lens'] },
    specs: [
      {
        name: 'Megapixels',
        values: ['24', '26', '33', '45'],
        filter: { key: 'megapixels', label: 'Megapixels', kind: 'RANGE' },
      },
    ],
    features: ['4K video', 'fast autofocus', 'image stabilisation', 'weather sealing'],
    grams: [400, 900],
  },
  {
    path: ['Fashion', 'Men', 'T-Shirts'],
    noun: 'T-Shirt',
    brands: ['Roadster', 'H&M', 'Levis', 'Puma', 'Nike', 'Allen Solly'],
    series: ['Classic', 'Essential', 'Graphic', 'Slim Fit', 'Oversized'],
    price: [299, 2499],
    options: { Size: ['S', 'M', 'L', 'XL'], Colour: ['Black', 'White', 'Navy', 'Olive'] },
    specs: [
      {
        name: 'Material',
        values: ['Cotton', 'Polyester', 'Linen', 'Cotton blend'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['breathable fabric', 'regular fit', 'machine washable', 'soft touch'],
    grams: [150, 250],
  },
  {
    path: ['Fashion', 'Men', 'Shoes'],
    noun: 'Running Shoes',
    brands: ['Nike', 'Adidas', 'Puma', 'Asics', 'Skechers', 'Bata'],
    series: ['Trail', 'Run', 'Flex', 'Glide', 'Pace'],
    price: [999, 14999],
    options: { Size: ['7', '8', '9', '10', '11'] },
    specs: [
      {
        name: 'Material',
        values: ['Mesh', 'Leather', 'Synthetic'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['cushioned sole', 'lightweight', 'breathable mesh', 'trail grip'],
    grams: [250, 400],
  },
  {
    path: ['Fashion', 'Women', 'Dresses'],
    noun: 'Dress',
    brands: ['Zara', 'H&M', 'Biba', 'W', 'Only'],
    series: ['Maxi', 'Midi', 'Wrap', 'A-Line', 'Floral'],
    price: [599, 5999],
    options: { Size: ['XS', 'S', 'M', 'L'], Colour: ['Red', 'Black', 'Yellow'] },
    specs: [
      {
        name: 'Material',
        values: ['Cotton', 'Rayon', 'Georgette', 'Linen'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['flowy fit', 'printed pattern', 'side pockets', 'easy care'],
    grams: [200, 400],
  },
  {
    path: ['Fashion', 'Accessories', 'Watches'],
    noun: 'Watch',
    brands: ['Titan', 'Fossil', 'Casio', 'Fastrack', 'Timex'],
    series: ['Edge', 'Classic', 'Sport', 'Chrono'],
    price: [999, 24999],
    options: { Strap: ['Leather', 'Metal', 'Silicone'] },
    specs: [
      {
        name: 'Water resistant',
        values: ['true', 'false'],
        filter: { key: 'water-resistant', label: 'Water resistant', kind: 'BOOLEAN' },
      },
    ],
    features: ['analog dial', 'date display', 'scratch resistant glass', 'luminous hands'],
    grams: [40, 150],
  },
  {
    path: ['Home & Kitchen', 'Cookware'],
    noun: 'Cookware Set',
    brands: ['Prestige', 'Hawkins', 'Pigeon', 'Meyer'],
    series: ['Omega', 'Futura', 'Classic', 'Deluxe'],
    price: [699, 9999],
    options: { Pieces: ['3', '5', '7'] },
    specs: [
      {
        name: 'Material',
        values: ['Aluminium', 'Stainless steel', 'Cast iron'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['non-stick coating', 'induction compatible', 'cool-touch handles', 'dishwasher safe'],
    grams: [800, 5000],
  },
  {
    path: ['Home & Kitchen', 'Appliances'],
    noun: 'Mixer Grinder',
    brands: ['Philips', 'Bajaj', 'Prestige', 'Usha', 'Havells'],
    series: ['Turbo', 'Power', 'Smart', 'Eco'],
    price: [1999, 12999],
    options: { Jars: ['2', '3', '4'] },
    specs: [
      {
        name: 'Power',
        values: ['500', '750', '1000'],
        filter: { key: 'power', label: 'Power (W)', kind: 'RANGE' },
      },
    ],
    features: ['overload protection', 'stainless steel blades', 'multiple speeds', 'compact design'],
    grams: [2000, 4500],
  },
  {
    path: ['Home & Kitchen', 'Furniture'],
    noun: 'Office Chair',
    brands: ['Green Soul', 'Featherlite', 'Godrej', 'Nilkamal'],
    series: ['Ergo', 'Comfort', 'Executive', 'Mesh'],
    price: [3999, 29999],
    options: { Colour: ['Black', 'Grey'] },
    specs: [
      {
        name: 'Adjustable',
        values: ['true', 'false'],
        filter: { key: 'adjustable', label: 'Adjustable', kind: 'BOOLEAN' },
      },
    ],
    features: ['lumbar support', 'adjustable height', 'breathable mesh back', '360° swivel'],
    grams: [9000, 18000],
  },
  {
    path: ['Books', 'Fiction'],
    noun: 'Novel',
    brands: ['Penguin', 'HarperCollins', 'Rupa', 'Hachette'],
    series: ['The Silent', 'A River', 'Midnight', 'The Last', 'Beyond the'],
    price: [199, 999],
    options: { Format: ['Paperback', 'Hardcover'] },
    specs: [
      {
        name: 'Language',
        values: ['English', 'Hindi', 'Tamil'],
        filter: { key: 'language', label: 'Language', kind: 'ENUM' },
      },
    ],
    features: ['bestselling author', 'award winning', 'page-turner', 'new edition'],
    grams: [200, 700],
  },
  {
    path: ['Sports', 'Fitness'],
    noun: 'Yoga Mat',
    brands: ['Decathlon', 'Boldfit', 'Strauss', 'Nivia'],
    series: ['Flow', 'Grip', 'Balance', 'Pro'],
    price: [399, 3999],
    options: { Thickness: ['4 mm', '6 mm', '8 mm'], Colour: ['Purple', 'Blue', 'Black'] },
    specs: [
      {
        name: 'Material',
        values: ['TPE', 'PVC', 'Rubber', 'NBR'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['anti-slip surface', 'carry strap', 'extra cushioning', 'eco friendly'],
    grams: [600, 2000],
  },
  {
    path: ['Beauty', 'Skincare'],
    noun: 'Face Serum',
    brands: ['Minimalist', 'Lakme', 'Mamaearth', 'Plum', 'The Derma Co'],
    series: ['Vitamin C', 'Niacinamide', 'Hyaluronic', 'Retinol'],
    price: [299, 1999],
    options: { Size: ['30 ml', '50 ml'] },
    specs: [
      {
        name: 'Skin type',
        values: ['All', 'Oily', 'Dry', 'Sensitive'],
        filter: { key: 'skin-type', label: 'Skin type', kind: 'ENUM' },
      },
    ],
    features: ['fragrance free', 'dermatologically tested', 'lightweight', 'fast absorbing'],
    grams: [50, 150],
  },
];
