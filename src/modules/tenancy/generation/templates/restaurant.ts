import type { ThemeTemplate } from './template.ts';

const PORTION = {
  name: 'Portion',
  values: [
    ['Half', 100],
    ['Full', 170],
  ],
} satisfies ThemeTemplate['variant'];
const CUP = {
  name: 'Size',
  values: [
    ['Regular', 100],
    ['Large', 130],
  ],
} satisfies ThemeTemplate['variant'];

export const CAFE: ThemeTemplate = {
  name: 'cafe',
  storeType: 'restaurant',
  keywords: ['cafe', 'coffee', 'tea', 'espresso', 'brunch', 'sandwich', 'shake', 'smoothie', 'roastery'],
  palettes: [
    ['#4a2c2a', '#d4a373'],
    ['#3d405b', '#e07a5f'],
    ['#283618', '#dda15e'],
  ],
  pitch: 'serves coffee, small plates and something sweet',
  variant: CUP,
  categories: [
    {
      name: 'Coffee',
      group: 'Drinks',
      keywords: ['coffee', 'espresso', 'latte', 'cappuccino'],
      about: 'pulled from beans roasted this month',
      specs: [['Served', 'Hot or iced']],
      products: [
        'Espresso|120',
        'Cappuccino|180',
        'Cafe Latte|190',
        'Cold Brew|220',
        'Filter Coffee|90',
        'Mocha|210',
      ],
    },
    {
      name: 'Tea',
      group: 'Drinks',
      keywords: ['tea', 'chai'],
      about: 'brewed to order',
      specs: [['Served', 'Hot']],
      products: ['Masala Chai|70', 'Green Tea|110', 'Lemon Iced Tea|150', 'Darjeeling Tea|130'],
    },
    {
      name: 'Shakes & Smoothies',
      group: 'Drinks',
      keywords: ['shake', 'smoothie', 'juice'],
      about: 'blended with fresh fruit and milk',
      specs: [['Served', 'Chilled']],
      products: ['Cold Coffee Shake|200', 'Mango Smoothie|220', 'Oreo Shake|230', 'Berry Smoothie|240'],
    },
    {
      name: 'Sandwiches',
      group: 'Food',
      keywords: ['sandwich', 'panini', 'toast', 'brunch', 'breakfast'],
      about: 'made fresh when you order',
      specs: [['Vegetarian', 'Yes']],
      variant: {
        name: 'Bread',
        values: [
          ['White', 100],
          ['Multigrain', 110],
        ],
      },
      products: [
        'Grilled Veg Sandwich|180',
        'Paneer Tikka Panini|240',
        'Chicken Club Sandwich|280',
        'Avocado Toast|320',
        'Cheese Chilli Toast|160',
      ],
    },
    {
      name: 'Desserts',
      group: 'Food',
      keywords: ['dessert', 'cake', 'brownie', 'waffle'],
      about: 'made in our kitchen every day',
      specs: [['Contains', 'Dairy, gluten']],
      variant: {
        name: 'Serving',
        values: [
          ['Single', 100],
          ['To share', 180],
        ],
      },
      products: ['Walnut Brownie|150', 'Belgian Waffle|220', 'Blueberry Muffin|120', 'Banoffee Pie|240'],
    },
  ],
};

export const KITCHEN: ThemeTemplate = {
  name: 'kitchen',
  storeType: 'restaurant',
  keywords: [
    'restaurant',
    'dhaba',
    'kitchen',
    'food',
    'meal',
    'biryani',
    'thali',
    'tiffin',
    'dine',
    'takeaway',
    'delivery',
    'curry',
    'pizza',
  ],
  palettes: [
    ['#9d0208', '#ffba08'],
    ['#6a040f', '#f48c06'],
    ['#264653', '#e76f51'],
  ],
  pitch: 'cooks home-style meals to eat in or take away',
  variant: PORTION,
  categories: [
    {
      name: 'Starters',
      group: 'Menu',
      keywords: ['starter', 'snack', 'tikka', 'kebab', 'appetizer'],
      about: 'cooked fresh when you order',
      specs: [['Spice level', 'Medium']],
      products: [
        'Paneer Tikka|260',
        'Hara Bhara Kebab|220',
        'Chicken Tikka|320',
        'Crispy Corn|200',
        'Veg Spring Rolls|180',
      ],
    },
    {
      name: 'Main Course',
      group: 'Menu',
      keywords: ['curry', 'main', 'paneer', 'dal', 'chicken', 'mutton'],
      about: 'slow-cooked in our kitchen',
      specs: [
        ['Spice level', 'Medium'],
        ['Serves', '1–2'],
      ],
      products: [
        'Dal Makhani|240',
        'Paneer Butter Masala|280',
        'Butter Chicken|340',
        'Mutton Rogan Josh|420',
        'Chana Masala|220',
        'Veg Kolhapuri|250',
      ],
    },
    {
      name: 'Biryani & Rice',
      group: 'Menu',
      keywords: ['biryani', 'rice', 'pulao'],
      about: 'layered and cooked on dum',
      specs: [['Served with', 'Raita and salan']],
      products: ['Veg Dum Biryani|260', 'Chicken Dum Biryani|320', 'Mutton Biryani|420', 'Jeera Rice|150'],
    },
    {
      name: 'Breads',
      group: 'Menu',
      keywords: ['roti', 'naan', 'paratha', 'bread'],
      about: 'from the tandoor, hot',
      specs: [['Cooked in', 'Tandoor']],
      variant: {
        name: 'Pieces',
        values: [
          ['1', 100],
          ['2', 190],
        ],
      },
      products: ['Butter Naan|60', 'Tandoori Roti|30', 'Garlic Naan|80', 'Lachha Paratha|70'],
    },
    {
      name: 'Thalis & Combos',
      group: 'Meals',
      keywords: ['thali', 'combo', 'meal', 'tiffin', 'lunch'],
      about: 'a full meal on one plate',
      specs: [['Serves', '1']],
      variant: {
        name: 'Size',
        values: [
          ['Regular', 100],
          ['Large', 140],
        ],
      },
      products: ['Veg Thali|250', 'Special Thali|350', 'Rajma Chawal Bowl|180', 'Chole Bhature|160'],
    },
    {
      name: 'Desserts & Drinks',
      group: 'Meals',
      keywords: ['dessert', 'sweet', 'lassi', 'drink'],
      about: 'to finish the meal',
      specs: [['Served', 'Chilled or warm']],
      variant: {
        name: 'Serving',
        values: [
          ['Single', 100],
          ['Double', 180],
        ],
      },
      products: ['Gulab Jamun|90', 'Rasmalai|120', 'Sweet Lassi|90', 'Masala Chaas|60'],
    },
  ],
};
