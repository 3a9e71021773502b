import type { ThemeTemplate } from './template.ts';

const SIZES = {
  name: 'Size',
  values: [
    ['S', 100],
    ['M', 100],
    ['L', 100],
    ['XL', 110],
  ],
} satisfies ThemeTemplate['variant'];
const SHOE = {
  name: 'Size (UK)',
  values: [
    ['6', 100],
    ['7', 100],
    ['8', 100],
    ['9', 100],
    ['10', 100],
  ],
} satisfies ThemeTemplate['variant'];

export const BOUTIQUE: ThemeTemplate = {
  name: 'boutique',
  storeType: 'fashion',
  keywords: [
    'boutique',
    'fashion',
    'clothing',
    'clothes',
    'apparel',
    'dress',
    'saree',
    'kurta',
    'ethnic',
    'wear',
    'garment',
    'designer',
    'tailor',
  ],
  palettes: [
    ['#7b2cbf', '#ffafcc'],
    ['#6d597a', '#eaac8b'],
    ['#9b2226', '#e9d8a6'],
  ],
  pitch: 'curates clothes for everyday and for occasions',
  variant: SIZES,
  categories: [
    {
      name: 'Kurtas',
      group: 'Women',
      keywords: ['kurta', 'kurti', 'ethnic'],
      about: 'in breathable cotton',
      specs: [
        ['Fabric', 'Cotton'],
        ['Care', 'Gentle hand wash'],
      ],
      products: [
        'Block Print Cotton Kurta|1200',
        'Embroidered Rayon Kurti|1400',
        'Chikankari Kurta|2200',
        'Anarkali Kurta Set|2800',
        'Indigo A-line Kurta|1300',
      ],
    },
    {
      name: 'Sarees',
      group: 'Women',
      keywords: ['saree', 'sari'],
      about: 'with a matching blouse piece',
      specs: [
        ['Length', '5.5 m + 0.8 m blouse'],
        ['Care', 'Dry clean'],
      ],
      variant: {
        name: 'Blouse',
        values: [
          ['Unstitched', 100],
          ['Stitched', 125],
        ],
      },
      products: [
        'Handloom Cotton Saree|2500',
        'Banarasi Silk Saree|7500',
        'Chiffon Printed Saree|1800',
        'Linen Saree|3200',
      ],
    },
    {
      name: 'Dresses',
      group: 'Women',
      keywords: ['dress', 'gown', 'western', 'top'],
      about: 'cut for an easy fit',
      specs: [
        ['Fabric', 'Viscose blend'],
        ['Care', 'Machine wash cold'],
      ],
      products: [
        'Floral Midi Dress|1900',
        'Linen Shirt Dress|2100',
        'Tiered Maxi Dress|2400',
        'Wrap Top|1100',
        'Denim Pinafore|1700',
      ],
    },
    {
      name: 'Men’s Shirts',
      group: 'Men',
      keywords: ['shirt', 'men', 'menswear'],
      about: 'tailored in soft cotton',
      specs: [
        ['Fabric', 'Cotton'],
        ['Fit', 'Regular'],
      ],
      products: [
        'Oxford Cotton Shirt|1500',
        'Linen Shirt|1900',
        'Mandarin Collar Kurta Shirt|1400',
        'Checked Flannel Shirt|1600',
      ],
    },
    {
      name: 'Accessories',
      group: 'Accessories',
      keywords: ['accessory', 'dupatta', 'stole', 'bag', 'jewellery', 'jewelry'],
      about: 'to finish the look',
      specs: [['Material', 'Mixed']],
      variant: {
        name: 'Colour',
        values: [
          ['Ivory', 100],
          ['Maroon', 100],
          ['Indigo', 100],
        ],
      },
      products: [
        'Silk Dupatta|900',
        'Woven Stole|700',
        'Oxidised Silver Earrings|600',
        'Embroidered Potli Bag|850',
      ],
    },
  ],
};

export const FOOTWEAR: ThemeTemplate = {
  name: 'footwear',
  storeType: 'fashion',
  keywords: ['footwear', 'shoe', 'sandal', 'sneaker', 'chappal', 'slipper', 'boot', 'jutti', 'kolhapuri'],
  palettes: [
    ['#343a40', '#f77f00'],
    ['#22223b', '#c9ada7'],
    ['#3c1518', '#d58936'],
  ],
  pitch: 'fits feet for every day and every occasion',
  variant: SHOE,
  categories: [
    {
      name: 'Sneakers',
      group: 'Casual',
      keywords: ['sneaker', 'running', 'sport', 'trainer'],
      about: 'cushioned for all-day wear',
      specs: [
        ['Sole', 'Rubber'],
        ['Upper', 'Mesh'],
      ],
      products: [
        'Classic White Sneakers|2200',
        'Running Shoes|2800',
        'Canvas Low-tops|1300',
        'Slip-on Sneakers|1600',
        'High-top Sneakers|2500',
      ],
    },
    {
      name: 'Sandals',
      group: 'Casual',
      keywords: ['sandal', 'slipper', 'chappal', 'flip'],
      about: 'light and easy to wear',
      specs: [
        ['Sole', 'EVA'],
        ['Water resistant', 'Yes'],
      ],
      products: [
        'Leather Sandals|1400',
        'Sports Sandals|1200',
        'Flip Flops|400',
        'Kolhapuri Chappals|900',
        'Cushioned Slides|700',
      ],
    },
    {
      name: 'Formal Shoes',
      group: 'Formal',
      keywords: ['formal', 'oxford', 'derby', 'loafer', 'office'],
      about: 'in polished full-grain leather',
      specs: [
        ['Upper', 'Leather'],
        ['Sole', 'TPR'],
      ],
      products: ['Oxford Shoes|3200', 'Derby Shoes|2900', 'Penny Loafers|2600', 'Monk Strap Shoes|3400'],
    },
    {
      name: 'Ethnic Footwear',
      group: 'Formal',
      keywords: ['jutti', 'mojari', 'ethnic', 'wedding'],
      about: 'hand-stitched by artisans',
      specs: [
        ['Upper', 'Leather'],
        ['Work', 'Hand embroidery'],
      ],
      products: ['Embroidered Juttis|1100', 'Mojaris|1300', 'Wedding Juttis|2200'],
    },
    {
      name: 'Boots',
      group: 'Outdoor',
      keywords: ['boot', 'hiking', 'trek'],
      about: 'built for rough roads',
      specs: [
        ['Upper', 'Suede'],
        ['Sole', 'Lugged rubber'],
      ],
      products: ['Chelsea Boots|3500', 'Hiking Boots|3800', 'Desert Boots|3000', 'Ankle Boots|2900'],
    },
  ],
};
