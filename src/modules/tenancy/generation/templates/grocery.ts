import type { ThemeTemplate } from './template.ts';

const WEIGHT = {
  name: 'Weight',
  values: [
    ['500 g', 100],
    ['1 kg', 190],
  ],
} satisfies ThemeTemplate['variant'];

export const BAKERY: ThemeTemplate = {
  name: 'bakery',
  storeType: 'grocery',
  keywords: [
    'bakery',
    'baker',
    'bake',
    'cake',
    'bread',
    'cookie',
    'pastry',
    'patisserie',
    'biscuit',
    'muffin',
    'confectionery',
  ],
  palettes: [
    ['#8b4513', '#f4a261'],
    ['#6d3b2a', '#e9c46a'],
    ['#a0522d', '#f6bd60'],
  ],
  pitch: 'bakes fresh every morning',
  variant: {
    name: 'Size',
    values: [
      ['Regular', 100],
      ['Family', 180],
    ],
  },
  categories: [
    {
      name: 'Cakes',
      group: 'Cakes & Desserts',
      keywords: ['cake', 'birthday', 'celebration'],
      about: 'baked to order and finished by hand',
      specs: [
        ['Shelf life', '2 days refrigerated'],
        ['Eggless', 'On request'],
      ],
      variant: {
        name: 'Weight',
        values: [
          ['500 g', 100],
          ['1 kg', 190],
          ['2 kg', 370],
        ],
      },
      products: [
        'Chocolate Truffle Cake|650',
        'Black Forest Cake|600',
        'Red Velvet Cake|750',
        'Pineapple Cake|500',
        'Butterscotch Cake|550',
        'Fresh Fruit Cake|700',
      ],
    },
    {
      name: 'Pastries',
      group: 'Cakes & Desserts',
      keywords: ['pastry', 'dessert', 'sweet'],
      about: 'made in small batches each day',
      specs: [['Shelf life', '1 day refrigerated']],
      variant: {
        name: 'Pack',
        values: [
          ['Single', 100],
          ['Box of 4', 380],
        ],
      },
      products: [
        'Chocolate Pastry|90',
        'Blueberry Cheesecake Slice|180',
        'Tiramisu Cup|160',
        'Fruit Tart|120',
        'Chocolate Eclair|80',
      ],
    },
    {
      name: 'Breads',
      group: 'Fresh Bread',
      keywords: ['bread', 'loaf', 'sourdough', 'bun', 'pav', 'baguette'],
      about: 'baked fresh before the shop opens',
      specs: [
        ['Shelf life', '3 days'],
        ['Preservatives', 'None'],
      ],
      variant: {
        name: 'Loaf',
        values: [
          ['Small', 100],
          ['Large', 170],
        ],
      },
      products: [
        'Sourdough Loaf|220',
        'Whole Wheat Bread|60',
        'Multigrain Bread|80',
        'Milk Bread|50',
        'Garlic Baguette|120',
        'Ladi Pav|40',
      ],
    },
    {
      name: 'Cookies',
      group: 'Cookies & Snacks',
      keywords: ['cookie', 'biscuit', 'nankhatai'],
      about: 'baked crisp and packed the same day',
      specs: [
        ['Shelf life', '3 weeks'],
        ['Storage', 'Airtight container'],
      ],
      variant: {
        name: 'Box',
        values: [
          ['250 g', 100],
          ['500 g', 190],
        ],
      },
      products: [
        'Chocolate Chip Cookies|220',
        'Butter Cookies|180',
        'Oatmeal Raisin Cookies|240',
        'Coconut Cookies|160',
        'Nankhatai|150',
        'Almond Biscotti|280',
      ],
    },
    {
      name: 'Savouries',
      group: 'Cookies & Snacks',
      keywords: ['savoury', 'puff', 'snack', 'khari', 'rusk'],
      about: 'a savoury bake from the morning batch',
      specs: [['Shelf life', '2 days']],
      variant: {
        name: 'Pack',
        values: [
          ['Single', 100],
          ['Pack of 6', 560],
        ],
      },
      products: ['Veg Puff|30', 'Paneer Puff|40', 'Cheese Garlic Bun|60', 'Jeera Khari|110', 'Cake Rusk|140'],
    },
  ],
};

export const PRODUCE: ThemeTemplate = {
  name: 'produce',
  storeType: 'grocery',
  keywords: [
    'vegetable',
    'fruit',
    'grocery',
    'kirana',
    'supermarket',
    'staple',
    'rice',
    'dal',
    'organic',
    'farm',
    'dairy',
    'provision',
  ],
  palettes: [
    ['#2d6a4f', '#95d5b2'],
    ['#386641', '#f2e8cf'],
    ['#1b4332', '#ffb703'],
  ],
  pitch: 'brings fresh produce and daily staples to your door',
  variant: WEIGHT,
  categories: [
    {
      name: 'Vegetables',
      group: 'Fresh Produce',
      keywords: ['vegetable', 'veggie', 'greens', 'sabzi'],
      about: 'picked at the market this morning',
      specs: [
        ['Origin', 'Local farms'],
        ['Storage', 'Keep cool and dry'],
      ],
      products: ['Tomatoes|40', 'Onions|35', 'Potatoes|30', 'Spinach|25', 'Cauliflower|45', 'Okra|60'],
    },
    {
      name: 'Fruits',
      group: 'Fresh Produce',
      keywords: ['fruit', 'mango', 'banana', 'apple'],
      about: 'ripe and hand-sorted',
      specs: [['Origin', 'Local orchards']],
      products: ['Bananas|50', 'Apples|180', 'Alphonso Mangoes|400', 'Pomegranates|200', 'Papaya|60'],
    },
    {
      name: 'Rice & Grains',
      group: 'Staples',
      keywords: ['rice', 'grain', 'atta', 'flour', 'millet'],
      about: 'cleaned and packed in food-grade bags',
      specs: [['Storage', 'Airtight container']],
      variant: {
        name: 'Weight',
        values: [
          ['1 kg', 100],
          ['5 kg', 480],
        ],
      },
      products: [
        'Basmati Rice|140',
        'Sona Masoori Rice|70',
        'Whole Wheat Atta|55',
        'Jowar Flour|80',
        'Poha|60',
      ],
    },
    {
      name: 'Pulses',
      group: 'Staples',
      keywords: ['dal', 'pulse', 'lentil', 'chana', 'bean'],
      about: 'unpolished and cleaned',
      specs: [['Storage', 'Airtight container']],
      variant: {
        name: 'Weight',
        values: [
          ['1 kg', 100],
          ['5 kg', 480],
        ],
      },
      products: ['Toor Dal|160', 'Moong Dal|140', 'Chana Dal|110', 'Masoor Dal|120', 'Rajma|150'],
    },
    {
      name: 'Dairy & Eggs',
      group: 'Daily Essentials',
      keywords: ['dairy', 'milk', 'egg', 'paneer', 'curd'],
      about: 'kept chilled until it reaches you',
      specs: [['Storage', 'Refrigerate']],
      variant: {
        name: 'Pack',
        values: [
          ['Small', 100],
          ['Large', 190],
        ],
      },
      products: ['Toned Milk|30', 'Fresh Paneer|90', 'Curd|40', 'Farm Eggs|80', 'Butter|60'],
    },
  ],
};
