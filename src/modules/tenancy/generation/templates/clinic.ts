import type { ThemeTemplate } from './template.ts';

const VISIT = {
  name: 'Visit',
  values: [
    ['In clinic', 100],
    ['Video call', 80],
  ],
} satisfies ThemeTemplate['variant'];

export const PHARMACY: ThemeTemplate = {
  name: 'pharmacy',
  storeType: 'clinic',
  keywords: [
    'pharmacy',
    'chemist',
    'medicine',
    'medical',
    'drug',
    'tablet',
    'wellness',
    'supplement',
    'vitamin',
  ],
  palettes: [
    ['#0077b6', '#90e0ef'],
    ['#006d77', '#83c5be'],
    ['#1d3557', '#a8dadc'],
  ],
  pitch: 'delivers medicines and health essentials',
  variant: {
    name: 'Pack',
    values: [
      ['Single', 100],
      ['Pack of 3', 285],
    ],
  },
  categories: [
    {
      name: 'Pain & Fever',
      group: 'Over the Counter',
      keywords: ['pain', 'fever', 'cold', 'cough', 'headache'],
      about: 'an over-the-counter remedy; read the label before use',
      specs: [['Prescription', 'Not required']],
      products: [
        'Paracetamol 500 mg, 15 tablets|30',
        'Pain Relief Balm|120',
        'Cough Syrup 100 ml|110',
        'Steam Inhaler Capsules|90',
        'Throat Lozenges|60',
      ],
    },
    {
      name: 'Vitamins & Supplements',
      group: 'Wellness',
      keywords: ['vitamin', 'supplement', 'protein', 'immunity'],
      about: 'for daily wellness',
      specs: [
        ['Prescription', 'Not required'],
        ['Form', 'Tablets'],
      ],
      products: [
        'Vitamin C 500 mg|250',
        'Multivitamin Tablets|450',
        'Vitamin D3 Sachets|180',
        'Omega-3 Capsules|650',
        'Calcium with D3|320',
      ],
    },
    {
      name: 'Personal Care',
      group: 'Wellness',
      keywords: ['skin', 'care', 'hygiene', 'soap', 'sanitizer'],
      about: 'dermatologically tested',
      specs: [['Skin type', 'All']],
      products: [
        'Hand Sanitizer 500 ml|220',
        'Moisturising Lotion|340',
        'Sunscreen SPF 50|480',
        'Antiseptic Liquid|180',
        'Lip Balm|120',
      ],
    },
    {
      name: 'Baby Care',
      group: 'Wellness',
      keywords: ['baby', 'infant', 'diaper'],
      about: 'gentle for babies',
      specs: [['Age', '0–24 months']],
      products: ['Baby Diapers, Medium|650', 'Baby Wipes|180', 'Baby Lotion|260', 'Baby Rash Cream|210'],
    },
    {
      name: 'Health Devices',
      group: 'Devices',
      keywords: ['device', 'thermometer', 'oximeter', 'monitor', 'glucometer'],
      about: 'with a one-year warranty',
      specs: [['Warranty', '1 year']],
      variant: {
        name: 'Model',
        values: [
          ['Standard', 100],
          ['Bluetooth', 140],
        ],
      },
      products: [
        'Digital Thermometer|250',
        'Pulse Oximeter|1200',
        'Blood Pressure Monitor|1900',
        'Glucometer Kit|1100',
      ],
    },
  ],
};

export const PRACTICE: ThemeTemplate = {
  name: 'practice',
  storeType: 'clinic',
  keywords: [
    'clinic',
    'doctor',
    'dentist',
    'dental',
    'physiotherapy',
    'physio',
    'consultation',
    'diagnostic',
    'lab',
    'health',
    'hospital',
    'patient',
  ],
  palettes: [
    ['#005f73', '#94d2bd'],
    ['#3a86ff', '#caf0f8'],
    ['#2a9d8f', '#e9f5db'],
  ],
  pitch: 'looks after you and your family, by appointment',
  variant: VISIT,
  categories: [
    {
      name: 'Consultations',
      group: 'Appointments',
      keywords: ['consultation', 'doctor', 'checkup', 'appointment'],
      about: 'booked for a time that suits you',
      specs: [['Duration', '20 minutes']],
      products: [
        'General Physician Consultation|500',
        'Paediatric Consultation|600',
        'Follow-up Visit|300',
        'Diet Consultation|700',
        'Second Opinion|900',
      ],
    },
    {
      name: 'Dental Care',
      group: 'Treatments',
      keywords: ['dental', 'dentist', 'teeth', 'tooth'],
      about: 'done by our dental team',
      specs: [['Duration', '45 minutes']],
      variant: {
        name: 'Visit',
        values: [
          ['Weekday', 100],
          ['Weekend', 115],
        ],
      },
      products: [
        'Dental Check-up|400',
        'Scaling & Polishing|1500',
        'Tooth Filling|1200',
        'Teeth Whitening|6000',
      ],
    },
    {
      name: 'Physiotherapy',
      group: 'Treatments',
      keywords: ['physiotherapy', 'physio', 'back', 'joint', 'sport'],
      about: 'with a trained physiotherapist',
      specs: [['Duration', '45 minutes']],
      variant: {
        name: 'Sessions',
        values: [
          ['1 session', 100],
          ['5 sessions', 450],
        ],
      },
      products: [
        'Back Pain Session|800',
        'Knee Rehabilitation|900',
        'Sports Injury Session|1000',
        'Posture Assessment|700',
      ],
    },
    {
      name: 'Lab Tests',
      group: 'Diagnostics',
      keywords: ['lab', 'test', 'blood', 'diagnostic', 'scan'],
      about: 'with reports shared online',
      specs: [
        ['Report in', '24 hours'],
        ['Fasting', 'As advised'],
      ],
      variant: {
        name: 'Sample',
        values: [
          ['At the clinic', 100],
          ['Home collection', 120],
        ],
      },
      products: [
        'Complete Blood Count|350',
        'Thyroid Profile|600',
        'Lipid Profile|550',
        'HbA1c|450',
        'Vitamin D Test|1200',
      ],
    },
    {
      name: 'Health Packages',
      group: 'Diagnostics',
      keywords: ['package', 'checkup', 'screening'],
      about: 'a set of tests with a doctor review',
      specs: [
        ['Report in', '48 hours'],
        ['Includes', 'Doctor review'],
      ],
      variant: {
        name: 'For',
        values: [
          ['One person', 100],
          ['Two people', 180],
        ],
      },
      products: [
        'Basic Health Check|1500',
        'Full Body Check|3500',
        'Diabetes Screening|1200',
        'Senior Citizen Package|4000',
      ],
    },
  ],
};
