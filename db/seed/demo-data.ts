/**
 * The demonstration data set: a plainly fictional city directory. Hub and service names are
 * invented; area names are Glasgow neighbourhoods so the demo reads like a real city. Phone numbers
 * come only from Ofcom's drama range (0141 496 0000 to 0999), emails use example.org, and no real
 * person is named.
 */

export interface DemoArea {
	slug: string;
	name: string;
	postcodeDistrict: string;
	latitude: number;
	longitude: number;
}

export const AREAS: DemoArea[] = [
	{ slug: 'govan', name: 'Govan', postcodeDistrict: 'G51', latitude: 55.8617, longitude: -4.3116 },
	{
		slug: 'drumchapel',
		name: 'Drumchapel',
		postcodeDistrict: 'G15',
		latitude: 55.9051,
		longitude: -4.3689,
	},
	{
		slug: 'easterhouse',
		name: 'Easterhouse',
		postcodeDistrict: 'G34',
		latitude: 55.8609,
		longitude: -4.1144,
	},
	{
		slug: 'springburn',
		name: 'Springburn',
		postcodeDistrict: 'G21',
		latitude: 55.8837,
		longitude: -4.2266,
	},
	{
		slug: 'castlemilk',
		name: 'Castlemilk',
		postcodeDistrict: 'G45',
		latitude: 55.8095,
		longitude: -4.2254,
	},
	{
		slug: 'pollokshields',
		name: 'Pollokshields',
		postcodeDistrict: 'G41',
		latitude: 55.8429,
		longitude: -4.2813,
	},
	{
		slug: 'maryhill',
		name: 'Maryhill',
		postcodeDistrict: 'G20',
		latitude: 55.8877,
		longitude: -4.2866,
	},
	{
		slug: 'dennistoun',
		name: 'Dennistoun',
		postcodeDistrict: 'G31',
		latitude: 55.8607,
		longitude: -4.2127,
	},
	{
		slug: 'shettleston',
		name: 'Shettleston',
		postcodeDistrict: 'G32',
		latitude: 55.8523,
		longitude: -4.1607,
	},
];

export interface DemoTheme {
	slug: string;
	name: string;
	summary: string;
	description: string;
	sensitive?: boolean;
}

export const THEMES: DemoTheme[] = [
	{
		slug: 'welfare-and-benefits',
		name: 'Welfare and benefits',
		summary: 'Help to check what money you are entitled to and to deal with debt.',
		description:
			'Advisers can check which benefits you could get, help you fill in forms for Universal Credit, Adult Disability Payment or Pension Credit, and help if you are struggling with debt, bills or energy costs. Advice is free, private and independent.',
	},
	{
		slug: 'home-technology-help',
		name: 'Home technology help',
		summary: 'Help with phones, tablets, the internet and technology that keeps you safe at home.',
		description:
			'Volunteers can show you how to use a phone, tablet or computer, get online safely, make video calls to family, book appointments online, and set up alarms and sensors that help you stay independent at home.',
	},
	{
		slug: 'carer-support-and-respite',
		name: 'Carer support and respite',
		summary: 'Support for people who look after a family member or friend.',
		description:
			'If you look after someone who could not manage without you, you are a carer. Hubs offer carers a break, a chat with people who understand, advice about your rights and help to plan for emergencies.',
	},
	{
		slug: 'food-and-nutrition',
		name: 'Food and nutrition',
		summary: 'Community meals, pantries and help to eat well on a budget.',
		description:
			'Community pantries and larders offer low-cost food, lunch clubs offer a hot meal and company, and cooking groups show you how to make healthy meals on a budget. No referral is needed for most.',
	},
	{
		slug: 'mental-health-and-recovery',
		name: 'Mental health and recovery',
		summary: 'Somewhere to talk, peer support and recovery from drink or drugs.',
		description:
			'Groups and drop-ins where you can talk about how you are feeling, meet people with similar experiences and get support with recovery from alcohol or drugs. If you are in crisis now, phone NHS 24 on 111 or Samaritans on 116 123.',
		sensitive: true,
	},
	{
		slug: 'long-term-conditions-and-frailty',
		name: 'Long-term conditions and frailty',
		summary: 'Staying well and independent with a long-term health condition.',
		description:
			'Support to live well with conditions such as diabetes, COPD, heart disease or arthritis, to stay steady on your feet and avoid falls, and to keep active and independent as you get older.',
	},
	{
		slug: 'social-isolation-and-loneliness',
		name: 'Social isolation and loneliness',
		summary: 'Friendly groups, befriending and ways to meet people.',
		description:
			'If you feel lonely or cut off, hubs run friendly groups, cafés, walks and befriending where you can meet people nearby at your own pace. You are welcome to come along on your own.',
	},
	{
		slug: 'crisis-prevention',
		name: 'Crisis prevention',
		summary: 'Help early, before a problem becomes an emergency.',
		description:
			'If things are getting on top of you, such as money, housing, relationships or your safety, talk to someone early. Hub staff can help you make a plan and connect you with the right service quickly.',
		sensitive: true,
	},
	{
		slug: 'community-information',
		name: 'Community information',
		summary: 'What is on locally and where to go for help.',
		description:
			'Find out what is happening in your area, which groups and services are nearby, and how to get involved or volunteer.',
	},
	{
		slug: 'employability',
		name: 'Employability',
		summary: 'Help to find work, training or volunteering.',
		description:
			'Support with CVs, job applications and interviews, help to find training or volunteering, and advice about how work affects your benefits.',
	},
	{
		slug: 'housing',
		name: 'Housing',
		summary: 'Advice about your home, tenancy, repairs and homelessness.',
		description:
			'Advice if you are worried about losing your home, have problems with your tenancy, landlord or repairs, or need help with adaptations so you can stay in your home safely.',
	},
	{
		slug: 'domestic-abuse',
		name: 'Domestic abuse',
		summary: 'Confidential support if someone close to you is hurting or controlling you.',
		description:
			'Confidential support if a partner, ex-partner or family member is hurting, threatening or controlling you. You can talk to someone in private at a hub. In an emergency phone 999.',
		sensitive: true,
	},
];

export interface DemoHub {
	slug: string;
	name: string;
	area: string;
	street: string;
	postcodeSuffix: string;
	summary: string;
	howToGetThere: string;
	/** Opening periods: [weekday, opens, closes]. */
	hours: [number, string, string][];
	access: string[];
	languages: string;
	phoneSuffix: string;
	reviewedMonthsAgo: number;
}

const weekdays = (opens: string, closes: string): [number, string, string][] =>
	[1, 2, 3, 4, 5].map((d) => [d, opens, closes]);

export const HUBS: DemoHub[] = [
	{
		slug: 'govan-riverside-hub',
		name: 'Govan Riverside Hub',
		area: 'govan',
		street: '14 Water Row Lane',
		postcodeSuffix: '3QX',
		summary: 'A busy hub by the river with advice, a community pantry and digital help.',
		howToGetThere: 'Two minutes from the subway station. Buses stop outside on the main road.',
		hours: weekdays('09:00', '17:00'),
		access: ['step-free', 'accessible-toilet', 'hearing-loop', 'baby-changing'],
		languages: 'Polish, Arabic',
		phoneSuffix: '0101',
		reviewedMonthsAgo: 1,
	},
	{
		slug: 'elder-park-community-rooms',
		name: 'Elder Park Community Rooms',
		area: 'govan',
		street: '3 Parkview Terrace',
		postcodeSuffix: '4DN',
		summary: 'Quiet rooms beside the park for carers, lunch clubs and long-term conditions groups.',
		howToGetThere: 'Entrance on the park side. Level access from the car park.',
		hours: [
			[1, '10:00', '16:00'],
			[2, '10:00', '16:00'],
			[4, '10:00', '19:00'],
			[6, '10:00', '13:00'],
		],
		access: ['step-free', 'accessible-toilet', 'parking', 'blue-badge-parking', 'quiet-space'],
		languages: '',
		phoneSuffix: '0102',
		reviewedMonthsAgo: 8,
	},
	{
		slug: 'drumchapel-hillside-hub',
		name: 'Drumchapel Hillside Hub',
		area: 'drumchapel',
		street: '27 Kestrel Road',
		postcodeSuffix: '2HB',
		summary: 'Money advice, job club and a Friday lunch club in the heart of the estate.',
		howToGetThere:
			'Short walk from the shopping centre. The nearest station is 10 minutes away on foot.',
		hours: weekdays('09:30', '16:30'),
		access: ['step-free', 'accessible-toilet', 'parking'],
		languages: 'Urdu',
		phoneSuffix: '0103',
		reviewedMonthsAgo: 2,
	},
	{
		slug: 'linkwood-wellbeing-centre',
		name: 'Linkwood Wellbeing Centre',
		area: 'drumchapel',
		street: '5 Linkwood Crescent',
		postcodeSuffix: '1TS',
		summary: 'Peer support, recovery café and walks for mental wellbeing.',
		howToGetThere:
			'On the number 6 bus route. There is a steep path from the main road; use the ramp at the side.',
		hours: [
			[2, '12:00', '20:00'],
			[3, '12:00', '20:00'],
			[5, '10:00', '15:00'],
		],
		access: ['step-free', 'quiet-space'],
		languages: '',
		phoneSuffix: '0104',
		reviewedMonthsAgo: 3,
	},
	{
		slug: 'easterhouse-bridge-hub',
		name: 'Easterhouse Bridge Hub',
		area: 'easterhouse',
		street: '88 Bridgeburn Way',
		postcodeSuffix: '9LP',
		summary: 'One-stop hub for benefits, housing and energy advice, with a community larder.',
		howToGetThere: 'Next to the health centre. Free parking behind the building.',
		hours: [...weekdays('09:00', '17:00'), [6, '10:00', '14:00']],
		access: [
			'step-free',
			'accessible-toilet',
			'hearing-loop',
			'parking',
			'blue-badge-parking',
			'bsl',
		],
		languages: 'Romanian, Tigrinya',
		phoneSuffix: '0105',
		reviewedMonthsAgo: 1,
	},
	{
		slug: 'provanhall-neighbourhood-rooms',
		name: 'Provanhall Neighbourhood Rooms',
		area: 'easterhouse',
		street: '12 Lochdale Street',
		postcodeSuffix: '0AY',
		summary: 'Small, friendly rooms for carers, crafts and tablet help.',
		howToGetThere: 'Ground floor of the tenants’ hall. Bus stop at the corner.',
		hours: [
			[1, '13:00', '17:00'],
			[3, '09:30', '13:00'],
			[4, '13:00', '17:00'],
		],
		access: ['step-free'],
		languages: '',
		phoneSuffix: '0106',
		reviewedMonthsAgo: 10,
	},
	{
		slug: 'springburn-winter-gardens-hub',
		name: 'Springburn Glasshouse Hub',
		area: 'springburn',
		street: '40 Glasshouse Row',
		postcodeSuffix: '1RF',
		summary: 'Digital help, job club and a community café in a bright, modern building.',
		howToGetThere: 'Five minutes from the train station. Lift to all floors.',
		hours: weekdays('08:30', '18:00'),
		access: ['step-free', 'accessible-toilet', 'hearing-loop', 'baby-changing'],
		languages: 'Farsi, Kurdish',
		phoneSuffix: '0107',
		reviewedMonthsAgo: 2,
	},
	{
		slug: 'balgray-carers-house',
		name: 'Balgray Carers’ House',
		area: 'springburn',
		street: '9 Balgray Gardens',
		postcodeSuffix: '4EW',
		summary: 'A house run with and for unpaid carers: advice, breaks and a Tuesday café.',
		howToGetThere:
			'Ring the bell at the front door. One step at the entrance; a portable ramp is available.',
		hours: [
			[2, '10:00', '16:00'],
			[3, '10:00', '16:00'],
			[4, '10:00', '16:00'],
		],
		access: ['accessible-toilet', 'quiet-space'],
		languages: '',
		phoneSuffix: '0108',
		reviewedMonthsAgo: 4,
	},
	{
		slug: 'castlemilk-heights-hub',
		name: 'Castlemilk Heights Hub',
		area: 'castlemilk',
		street: '61 Dougrie Brae',
		postcodeSuffix: '9PL',
		summary: 'Advice, a community pantry and falls-prevention classes for older people.',
		howToGetThere: 'In the shopping precinct. Bus stops in both directions outside.',
		hours: weekdays('09:00', '16:00'),
		access: ['step-free', 'accessible-toilet', 'parking', 'blue-badge-parking'],
		languages: '',
		phoneSuffix: '0109',
		reviewedMonthsAgo: 5,
	},
	{
		slug: 'croftfoot-community-kitchen',
		name: 'Croftfoot Community Kitchen',
		area: 'castlemilk',
		street: '2 Kitchen Lane',
		postcodeSuffix: '5XR',
		summary: 'Cooking on a budget, shared meals and a Thursday lunch club.',
		howToGetThere: 'Behind the church hall. Level access from Kitchen Lane.',
		hours: [
			[2, '11:00', '15:00'],
			[4, '11:00', '15:00'],
			[5, '11:00', '15:00'],
		],
		access: ['step-free', 'accessible-toilet'],
		languages: '',
		phoneSuffix: '0110',
		reviewedMonthsAgo: 7,
	},
	{
		slug: 'pollokshields-crossroads-hub',
		name: 'Pollokshields Crossroads Hub',
		area: 'pollokshields',
		street: '150 Crossroads Street',
		postcodeSuffix: '2JD',
		summary: 'Multilingual advice on benefits, housing and health, with interpreters on request.',
		howToGetThere: 'Near the station. On-street parking is limited.',
		hours: [...weekdays('10:00', '18:00'), [6, '10:00', '14:00']],
		access: ['step-free', 'accessible-toilet', 'hearing-loop'],
		languages: 'Urdu, Punjabi, Arabic, Slovak',
		phoneSuffix: '0111',
		reviewedMonthsAgo: 1,
	},
	{
		slug: 'maxwell-square-rooms',
		name: 'Maxwell Square Rooms',
		area: 'pollokshields',
		street: '7 Square Walk',
		postcodeSuffix: '5NE',
		summary: 'Women’s group, domestic abuse support and a quiet space for talking.',
		howToGetThere: 'Use the side door marked Rooms. Staff will meet you.',
		hours: [
			[1, '10:00', '15:00'],
			[3, '10:00', '15:00'],
			[5, '10:00', '15:00'],
		],
		access: ['step-free', 'quiet-space', 'accessible-toilet'],
		languages: 'Urdu, Punjabi',
		phoneSuffix: '0112',
		reviewedMonthsAgo: 3,
	},
	{
		slug: 'maryhill-locks-hub',
		name: 'Maryhill Locks Hub',
		area: 'maryhill',
		street: '33 Canal Bank Road',
		postcodeSuffix: '8TL',
		summary: 'Canal-side hub with a recovery café, job club and tablet lending.',
		howToGetThere: 'On the canal path, signposted from the main road. Ramp to the entrance.',
		hours: weekdays('09:00', '17:00'),
		access: ['step-free', 'accessible-toilet', 'hearing-loop'],
		languages: '',
		phoneSuffix: '0113',
		reviewedMonthsAgo: 2,
	},
	{
		slug: 'ruchill-good-neighbours',
		name: 'Ruchill Good Neighbours',
		area: 'maryhill',
		street: '18 Ruchill Parade',
		postcodeSuffix: '7QA',
		summary: 'Befriending, lunch club and help with forms for older neighbours.',
		howToGetThere: 'Ground floor of the community flats. Door entry button 1.',
		hours: [
			[2, '10:00', '14:00'],
			[4, '10:00', '14:00'],
		],
		access: ['step-free'],
		languages: '',
		phoneSuffix: '0114',
		reviewedMonthsAgo: 9,
	},
	{
		slug: 'dennistoun-duke-street-hub',
		name: 'Dennistoun Duke Lane Hub',
		area: 'dennistoun',
		street: '210 Duke Lane',
		postcodeSuffix: '3PB',
		summary: 'Employability, housing advice and a Saturday family pantry.',
		howToGetThere: 'Buses stop outside. The nearest station is 5 minutes away.',
		hours: [...weekdays('09:00', '17:00'), [6, '10:00', '13:00']],
		access: ['step-free', 'accessible-toilet', 'baby-changing'],
		languages: 'Polish',
		phoneSuffix: '0115',
		reviewedMonthsAgo: 6,
	},
	{
		slug: 'alexandra-park-pavilion',
		name: 'Alexandra Park Pavilion',
		area: 'dennistoun',
		street: '1 Pavilion Walk',
		postcodeSuffix: '2SL',
		summary: 'Walking groups, a men’s shed and long-term conditions support in the park.',
		howToGetThere: 'Inside the park, 200 metres from the east gate. Blue Badge spaces at the gate.',
		hours: [
			[1, '09:00', '15:00'],
			[3, '09:00', '15:00'],
			[5, '09:00', '15:00'],
			[7, '10:00', '13:00'],
		],
		access: ['step-free', 'accessible-toilet', 'blue-badge-parking'],
		languages: '',
		phoneSuffix: '0116',
		reviewedMonthsAgo: 2,
	},
	{
		slug: 'shettleston-tollcross-hub',
		name: 'Shettleston Tollcross Hub',
		area: 'shettleston',
		street: '95 Tollgate Road',
		postcodeSuffix: '7HN',
		summary: 'Advice, digital help and carers’ support on the main street.',
		howToGetThere: 'Five minutes from the station. Bus stops opposite.',
		hours: weekdays('09:00', '16:30'),
		access: ['step-free', 'accessible-toilet', 'hearing-loop', 'parking'],
		languages: '',
		phoneSuffix: '0117',
		reviewedMonthsAgo: 1,
	},
	{
		slug: 'sandyhills-community-flat',
		name: 'Sandyhills Community Flat',
		area: 'shettleston',
		street: '4 Sandy Court',
		postcodeSuffix: '9DF',
		summary: 'A friendly flat for tea, chat, befriending and crisis support.',
		howToGetThere: 'First floor with a lift. Buzz flat 4.',
		hours: [
			[1, '11:00', '15:00'],
			[2, '11:00', '15:00'],
			[4, '11:00', '15:00'],
		],
		access: ['quiet-space'],
		languages: '',
		phoneSuffix: '0118',
		reviewedMonthsAgo: 11,
	},
];

export interface DemoService {
	slug: string;
	name: string;
	summary: string;
	description: string;
	whoItIsFor: string;
	themes: string[];
	hubs: string[];
	minimumAge?: number;
	maximumAge?: number;
	cost?: string;
	referral?: string;
	/** Services left as drafts show that the public only sees published records. */
	draft?: boolean;
}

const everyone = 'Anyone living in the city. You do not need to be referred.';
const olderPeople = 'People aged 60 and over, and their families.';
const carers = 'Unpaid carers of any age who look after a family member, partner or friend.';

export const SERVICES: DemoService[] = [
	{
		slug: 'benefits-check-drop-in',
		name: 'Benefits check drop-in',
		summary: 'Find out which benefits you could get and get help to apply.',
		description:
			'An adviser goes through your situation and checks your entitlement to benefits such as Universal Credit, Pension Credit, Adult Disability Payment and Council Tax Reduction. Bring any letters you have.',
		whoItIsFor: everyone,
		themes: ['welfare-and-benefits'],
		hubs: [
			'govan-riverside-hub',
			'easterhouse-bridge-hub',
			'castlemilk-heights-hub',
			'shettleston-tollcross-hub',
		],
	},
	{
		slug: 'money-and-debt-advice',
		name: 'Money and debt advice',
		summary: 'Confidential help if you are struggling with debt or bills.',
		description:
			'Advisers help you work out a budget, deal with people you owe money to and stop bailiff action. Advice is free and independent.',
		whoItIsFor: everyone,
		themes: ['welfare-and-benefits', 'crisis-prevention'],
		hubs: ['drumchapel-hillside-hub', 'pollokshields-crossroads-hub', 'dennistoun-duke-street-hub'],
	},
	{
		slug: 'energy-bills-advice',
		name: 'Energy bills advice',
		summary: 'Help to cut your energy bills and deal with arrears.',
		description:
			'Advice on tariffs, prepayment meters, grants for heating and getting help with energy debt.',
		whoItIsFor: everyone,
		themes: ['welfare-and-benefits', 'housing'],
		hubs: ['easterhouse-bridge-hub', 'springburn-winter-gardens-hub'],
	},
	{
		slug: 'universal-credit-form-help',
		name: 'Universal Credit form help',
		summary: 'Help to make and manage a Universal Credit claim online.',
		description:
			'Volunteers help you set up your online account, report changes and read your journal. Bring your phone or use one of ours.',
		whoItIsFor: 'Anyone claiming or about to claim Universal Credit.',
		themes: ['welfare-and-benefits', 'home-technology-help'],
		hubs: ['govan-riverside-hub', 'maryhill-locks-hub'],
	},
	{
		slug: 'pension-credit-clinic',
		name: 'Pension Credit clinic',
		summary: 'Check whether you can get Pension Credit and apply with help.',
		description:
			'Many older people miss out on Pension Credit. An adviser checks and completes the claim with you.',
		whoItIsFor: 'People over State Pension age.',
		themes: ['welfare-and-benefits'],
		hubs: ['ruchill-good-neighbours', 'elder-park-community-rooms'],
		minimumAge: 66,
	},
	{
		slug: 'adult-disability-payment-support',
		name: 'Adult Disability Payment support',
		summary: 'Help to apply for Adult Disability Payment and prepare for a consultation.',
		description:
			'Support with the application form, gathering evidence and preparing for a consultation or a redetermination.',
		whoItIsFor: 'Disabled adults and people with a long-term health condition, aged 16 and over.',
		themes: ['welfare-and-benefits', 'long-term-conditions-and-frailty'],
		hubs: ['shettleston-tollcross-hub'],
		minimumAge: 16,
		referral: 'Phone first so we can book enough time with an adviser.',
	},
	{
		slug: 'tablet-and-phone-help',
		name: 'Tablet and phone help',
		summary: 'Friendly, patient help with your phone, tablet or laptop.',
		description:
			'Bring your device and a question, or borrow one of ours. Learn to video call family, use apps, order prescriptions and stay safe from scams.',
		whoItIsFor: everyone,
		themes: ['home-technology-help', 'social-isolation-and-loneliness'],
		hubs: [
			'govan-riverside-hub',
			'springburn-winter-gardens-hub',
			'provanhall-neighbourhood-rooms',
			'shettleston-tollcross-hub',
		],
	},
	{
		slug: 'tablet-lending-library',
		name: 'Tablet lending library',
		summary: 'Borrow a tablet with free data for up to three months.',
		description:
			'Borrow a tablet with mobile data included, with lessons to help you get started. You will need to show proof of address.',
		whoItIsFor: 'People who have no device or internet at home.',
		themes: ['home-technology-help'],
		hubs: ['maryhill-locks-hub', 'easterhouse-bridge-hub'],
	},
	{
		slug: 'telecare-and-smart-home-advice',
		name: 'Telecare and smart home advice',
		summary: 'See alarms, sensors and smart devices that help you stay safe at home.',
		description:
			'Try out community alarms, fall sensors, medication reminders and video doorbells, and find out how to get them.',
		whoItIsFor: olderPeople,
		themes: ['home-technology-help', 'long-term-conditions-and-frailty'],
		hubs: ['elder-park-community-rooms', 'castlemilk-heights-hub'],
	},
	{
		slug: 'online-scams-awareness',
		name: 'Online scams awareness',
		summary: 'Learn to spot scam texts, calls and emails.',
		description:
			'A short, friendly session on recognising scams and what to do if you have been caught out.',
		whoItIsFor: everyone,
		themes: ['home-technology-help', 'community-information'],
		hubs: ['ruchill-good-neighbours', 'alexandra-park-pavilion'],
	},
	{
		slug: 'carers-cafe',
		name: 'Carers’ café',
		summary: 'Tea, cake and a chat with other carers.',
		description:
			'A relaxed café where carers can take a break, meet others in the same position and talk to a carers’ support worker.',
		whoItIsFor: carers,
		themes: ['carer-support-and-respite', 'social-isolation-and-loneliness'],
		hubs: ['balgray-carers-house', 'elder-park-community-rooms', 'shettleston-tollcross-hub'],
	},
	{
		slug: 'carers-rights-advice',
		name: 'Carers’ rights advice',
		summary: 'Find out about Carer Support Payment and your right to an adult carer support plan.',
		description:
			'An adviser explains your rights as a carer, money you may be entitled to and how to ask for an adult carer support plan.',
		whoItIsFor: carers,
		themes: ['carer-support-and-respite', 'welfare-and-benefits'],
		hubs: ['balgray-carers-house', 'provanhall-neighbourhood-rooms'],
	},
	{
		slug: 'short-breaks-planning',
		name: 'Short breaks planning',
		summary: 'Plan a short break from caring.',
		description:
			'Support to plan and fund a short break, from an afternoon off to a week away, with options for the person you care for.',
		whoItIsFor: carers,
		themes: ['carer-support-and-respite'],
		hubs: ['balgray-carers-house'],
		referral: 'You need an adult carer support plan. We can help you get one.',
	},
	{
		slug: 'young-carers-group',
		name: 'Young carers group',
		summary: 'Fun, support and time out for young carers.',
		description:
			'Activities, trips and someone to talk to for young people who help look after someone at home.',
		whoItIsFor: 'Young carers aged 8 to 17.',
		themes: ['carer-support-and-respite'],
		hubs: ['springburn-winter-gardens-hub', 'drumchapel-hillside-hub'],
		minimumAge: 8,
		maximumAge: 17,
	},
	{
		slug: 'emergency-planning-for-carers',
		name: 'Emergency planning for carers',
		summary: 'Make a plan for what happens if you cannot care.',
		description:
			'Write down what the person you care for needs, so that someone can step in if you are ill or have an emergency.',
		whoItIsFor: carers,
		themes: ['carer-support-and-respite', 'crisis-prevention'],
		hubs: ['balgray-carers-house', 'castlemilk-heights-hub'],
	},
	{
		slug: 'community-pantry',
		name: 'Community pantry',
		summary: 'Choose groceries, fruit and vegetables for a small weekly fee.',
		description:
			'Become a member for a small fee and choose food worth much more each week. Fresh, chilled and cupboard food.',
		whoItIsFor: 'Anyone living locally.',
		themes: ['food-and-nutrition'],
		hubs: ['govan-riverside-hub', 'castlemilk-heights-hub', 'dennistoun-duke-street-hub'],
		cost: '£3.50 a week membership',
	},
	{
		slug: 'community-larder',
		name: 'Community larder',
		summary: 'Free food for anyone who needs it, no questions asked.',
		description:
			'Take what you need from the shelves. Toiletries and baby items are often available too.',
		whoItIsFor: everyone,
		themes: ['food-and-nutrition', 'crisis-prevention'],
		hubs: ['easterhouse-bridge-hub', 'sandyhills-community-flat'],
	},
	{
		slug: 'friday-lunch-club',
		name: 'Friday lunch club',
		summary: 'A hot two-course lunch and good company.',
		description:
			'A freshly cooked lunch served at the table, with tea and a chat. Tell us about any diet you need.',
		whoItIsFor: olderPeople,
		themes: ['food-and-nutrition', 'social-isolation-and-loneliness'],
		hubs: ['drumchapel-hillside-hub', 'croftfoot-community-kitchen', 'ruchill-good-neighbours'],
		cost: '£2.50 a meal',
	},
	{
		slug: 'cooking-on-a-budget',
		name: 'Cooking on a budget',
		summary: 'Learn to cook healthy meals for less.',
		description:
			'A six-week course where you cook and eat together and take home recipes and ingredients.',
		whoItIsFor: 'Adults and families.',
		themes: ['food-and-nutrition'],
		hubs: ['croftfoot-community-kitchen', 'springburn-winter-gardens-hub'],
	},
	{
		slug: 'healthy-eating-for-diabetes',
		name: 'Healthy eating for diabetes',
		summary: 'Practical tips on food for people living with diabetes.',
		description:
			'A dietitian-led group on food labels, portion sizes and cooking for type 2 diabetes.',
		whoItIsFor: 'Adults living with type 2 diabetes or at risk of it.',
		themes: ['food-and-nutrition', 'long-term-conditions-and-frailty'],
		hubs: ['croftfoot-community-kitchen'],
		minimumAge: 18,
	},
	{
		slug: 'saturday-family-pantry',
		name: 'Saturday family pantry',
		summary: 'Food and essentials for families at the weekend.',
		description: 'A weekend pantry with food, nappies and school essentials. Children welcome.',
		whoItIsFor: 'Families with children.',
		themes: ['food-and-nutrition', 'crisis-prevention'],
		hubs: ['dennistoun-duke-street-hub'],
	},
	{
		slug: 'recovery-cafe',
		name: 'Recovery café',
		summary: 'A welcoming café for people in or seeking recovery from drink or drugs.',
		description:
			'Peer volunteers with their own experience of recovery offer a listening ear, mutual aid meetings and activities.',
		whoItIsFor: 'Adults affected by alcohol or drug use, and their families.',
		themes: ['mental-health-and-recovery'],
		hubs: ['linkwood-wellbeing-centre', 'maryhill-locks-hub'],
		minimumAge: 18,
	},
	{
		slug: 'talk-it-through-drop-in',
		name: 'Talk it through drop-in',
		summary: 'Somewhere to talk to a trained listener about how you feel.',
		description:
			'A one-to-one chat with a trained listener. No appointment and no referral needed. Not an emergency service.',
		whoItIsFor: 'Adults who are feeling low, anxious or stressed.',
		themes: ['mental-health-and-recovery', 'crisis-prevention'],
		hubs: ['linkwood-wellbeing-centre', 'sandyhills-community-flat', 'maxwell-square-rooms'],
		minimumAge: 16,
	},
	{
		slug: 'walk-and-talk-group',
		name: 'Walk and talk group',
		summary: 'A gentle walk and a chat, whatever the weather.',
		description:
			'A short, flat walk with a friendly group, followed by tea. Good for your body and your mood.',
		whoItIsFor: everyone,
		themes: ['mental-health-and-recovery', 'social-isolation-and-loneliness'],
		hubs: ['linkwood-wellbeing-centre', 'alexandra-park-pavilion'],
	},
	{
		slug: 'anxiety-management-course',
		name: 'Anxiety management course',
		summary: 'A four-week course on coping with worry and panic.',
		description: 'Learn practical ways to manage anxiety in a small, supportive group.',
		whoItIsFor: 'Adults referred by a GP or link worker.',
		themes: ['mental-health-and-recovery'],
		hubs: ['linkwood-wellbeing-centre'],
		minimumAge: 18,
		referral: 'Ask your GP practice’s link worker to refer you.',
	},
	{
		slug: 'mens-shed',
		name: 'Men’s shed',
		summary: 'Make, mend and chat in a friendly workshop.',
		description:
			'A workshop space for woodwork, repairs and projects, with tea and conversation. Everyone welcome, whatever their skills.',
		whoItIsFor: 'Adults, especially men who would like to meet others.',
		themes: ['social-isolation-and-loneliness', 'mental-health-and-recovery'],
		hubs: ['alexandra-park-pavilion'],
		minimumAge: 18,
	},
	{
		slug: 'steady-steps-falls-prevention',
		name: 'Steady Steps falls prevention',
		summary: 'Strength and balance classes to help prevent falls.',
		description:
			'Gentle seated and standing exercises led by a trained instructor to improve strength and balance.',
		whoItIsFor: olderPeople,
		themes: ['long-term-conditions-and-frailty'],
		hubs: ['castlemilk-heights-hub', 'elder-park-community-rooms', 'alexandra-park-pavilion'],
		minimumAge: 60,
	},
	{
		slug: 'breathe-easy-group',
		name: 'Breathe Easy group',
		summary: 'Support for people living with a lung condition.',
		description:
			'A friendly group for people with COPD, asthma or other lung conditions, with singing for lung health.',
		whoItIsFor: 'People with a lung condition and their families.',
		themes: ['long-term-conditions-and-frailty', 'social-isolation-and-loneliness'],
		hubs: ['elder-park-community-rooms'],
	},
	{
		slug: 'heart-health-checks',
		name: 'Heart health checks',
		summary: 'Free blood pressure checks and advice.',
		description:
			'A nurse checks your blood pressure and talks through how to look after your heart.',
		whoItIsFor: 'Adults aged 40 and over.',
		themes: ['long-term-conditions-and-frailty'],
		hubs: ['pollokshields-crossroads-hub', 'shettleston-tollcross-hub'],
		minimumAge: 40,
	},
	{
		slug: 'living-well-with-arthritis',
		name: 'Living well with arthritis',
		summary: 'Tips, exercise and support for joint pain.',
		description:
			'A self-management group for people living with arthritis or long-term joint pain.',
		whoItIsFor: 'Adults living with arthritis.',
		themes: ['long-term-conditions-and-frailty'],
		hubs: ['castlemilk-heights-hub'],
		minimumAge: 18,
	},
	{
		slug: 'memory-cafe',
		name: 'Memory café',
		summary: 'A café for people living with dementia and those who care for them.',
		description:
			'Music, reminiscence and company in a dementia-friendly café. Carers can get advice at the same time.',
		whoItIsFor: 'People living with dementia and their carers.',
		themes: ['long-term-conditions-and-frailty', 'carer-support-and-respite'],
		hubs: ['ruchill-good-neighbours', 'elder-park-community-rooms'],
	},
	{
		slug: 'befriending',
		name: 'Befriending',
		summary: 'A volunteer who visits or phones you each week.',
		description:
			'We match you with a volunteer who shares your interests, for a regular chat in person or by phone.',
		whoItIsFor: 'Adults who feel lonely or cut off.',
		themes: ['social-isolation-and-loneliness'],
		hubs: [
			'ruchill-good-neighbours',
			'sandyhills-community-flat',
			'provanhall-neighbourhood-rooms',
		],
		minimumAge: 18,
	},
	{
		slug: 'knit-and-natter',
		name: 'Knit and natter',
		summary: 'Knitting, crochet and conversation.',
		description: 'Bring your own project or learn a new one. Wool and needles provided.',
		whoItIsFor: everyone,
		themes: ['social-isolation-and-loneliness'],
		hubs: ['provanhall-neighbourhood-rooms', 'govan-riverside-hub'],
	},
	{
		slug: 'community-cafe',
		name: 'Community café',
		summary: 'Pay-what-you-can soup, sandwiches and a warm welcome.',
		description:
			'A warm space with food, hot drinks and newspapers. Pay what you can, or nothing at all.',
		whoItIsFor: everyone,
		themes: ['social-isolation-and-loneliness', 'food-and-nutrition'],
		hubs: ['springburn-winter-gardens-hub', 'maryhill-locks-hub'],
		cost: 'Pay what you can',
	},
	{
		slug: 'womens-group',
		name: 'Women’s group',
		summary: 'A safe, friendly space for women to meet.',
		description:
			'Crafts, English conversation and guest speakers in a women-only space. Children under 5 welcome.',
		whoItIsFor: 'Women of any age.',
		themes: ['social-isolation-and-loneliness', 'community-information'],
		hubs: ['maxwell-square-rooms', 'pollokshields-crossroads-hub'],
	},
	{
		slug: 'crisis-support-appointments',
		name: 'Crisis support appointments',
		summary: 'Same-week help if you have no money, food or fuel.',
		description:
			'A support worker helps you apply to the Scottish Welfare Fund, get emergency food and fuel, and plan the next steps.',
		whoItIsFor: everyone,
		themes: ['crisis-prevention', 'welfare-and-benefits'],
		hubs: ['easterhouse-bridge-hub', 'sandyhills-community-flat', 'govan-riverside-hub'],
	},
	{
		slug: 'domestic-abuse-support',
		name: 'Domestic abuse support',
		summary: 'Private, confidential support from a specialist worker.',
		description:
			'Talk in private to a specialist worker about your safety, your options and your rights. You do not need to give your name.',
		whoItIsFor: 'Anyone affected by domestic abuse.',
		themes: ['domestic-abuse', 'crisis-prevention'],
		hubs: ['maxwell-square-rooms', 'easterhouse-bridge-hub'],
		minimumAge: 16,
	},
	{
		slug: 'safety-planning',
		name: 'Safety planning',
		summary: 'Make a plan to keep yourself and your children safe.',
		description:
			'A specialist worker helps you make a safety plan and, if you want, connects you with refuge or legal advice.',
		whoItIsFor: 'Anyone affected by domestic abuse.',
		themes: ['domestic-abuse'],
		hubs: ['maxwell-square-rooms'],
		minimumAge: 16,
		referral: 'Phone or drop in first. We will arrange a private time.',
	},
	{
		slug: 'whats-on-noticeboard',
		name: 'What’s on: local information point',
		summary: 'Find out about groups, events and services nearby.',
		description:
			'Leaflets, a noticeboard and a volunteer to help you find the right group or service.',
		whoItIsFor: everyone,
		themes: ['community-information'],
		hubs: [
			'govan-riverside-hub',
			'drumchapel-hillside-hub',
			'easterhouse-bridge-hub',
			'springburn-winter-gardens-hub',
			'castlemilk-heights-hub',
			'pollokshields-crossroads-hub',
			'maryhill-locks-hub',
			'dennistoun-duke-street-hub',
			'shettleston-tollcross-hub',
		],
	},
	{
		slug: 'volunteering-taster-sessions',
		name: 'Volunteering taster sessions',
		summary: 'Try volunteering at the hub.',
		description:
			'Find out what volunteering involves and try a role, from the café to digital help.',
		whoItIsFor: 'Anyone aged 16 and over.',
		themes: ['community-information', 'employability'],
		hubs: ['springburn-winter-gardens-hub', 'alexandra-park-pavilion'],
		minimumAge: 16,
	},
	{
		slug: 'interpreter-help-desk',
		name: 'Interpreter help desk',
		summary: 'Help in your own language to understand letters and services.',
		description:
			'Bilingual volunteers help you understand letters, fill in forms and contact services.',
		whoItIsFor: 'People whose first language is not English.',
		themes: ['community-information', 'welfare-and-benefits'],
		hubs: ['pollokshields-crossroads-hub', 'govan-riverside-hub'],
	},
	{
		slug: 'job-club',
		name: 'Job club',
		summary: 'Help with CVs, applications and interviews.',
		description:
			'Use computers, get help with your CV and job applications, and practise for interviews.',
		whoItIsFor: 'Adults looking for work.',
		themes: ['employability'],
		hubs: [
			'drumchapel-hillside-hub',
			'springburn-winter-gardens-hub',
			'maryhill-locks-hub',
			'dennistoun-duke-street-hub',
		],
		minimumAge: 16,
	},
	{
		slug: 'better-off-in-work-calculations',
		name: 'Better off in work calculations',
		summary: 'See how a job would change your income and benefits.',
		description:
			'An adviser works out how taking a job or more hours would affect your benefits and income.',
		whoItIsFor: 'People on benefits thinking about work.',
		themes: ['employability', 'welfare-and-benefits'],
		hubs: ['dennistoun-duke-street-hub', 'easterhouse-bridge-hub'],
	},
	{
		slug: 'english-for-work',
		name: 'English for work',
		summary: 'English conversation classes with a focus on work.',
		description: 'Improve your spoken English for job interviews and the workplace.',
		whoItIsFor: 'Adults whose first language is not English.',
		themes: ['employability', 'community-information'],
		hubs: ['pollokshields-crossroads-hub'],
		minimumAge: 16,
	},
	{
		slug: 'digital-skills-for-work',
		name: 'Digital skills for work',
		summary: 'Learn email, online forms and video calls for work.',
		description: 'A short course on the computer skills most jobs need.',
		whoItIsFor: 'Adults looking for work.',
		themes: ['employability', 'home-technology-help'],
		hubs: ['maryhill-locks-hub'],
		minimumAge: 16,
	},
	{
		slug: 'tenancy-advice',
		name: 'Tenancy advice',
		summary: 'Advice if you have problems with your landlord or tenancy.',
		description: 'Help with rent arrears, repairs, notices to leave and your rights as a tenant.',
		whoItIsFor: 'Tenants of councils, housing associations and private landlords.',
		themes: ['housing'],
		hubs: ['easterhouse-bridge-hub', 'dennistoun-duke-street-hub', 'pollokshields-crossroads-hub'],
	},
	{
		slug: 'homelessness-prevention',
		name: 'Homelessness prevention',
		summary: 'Help if you are worried about losing your home.',
		description:
			'Act early. A housing officer can help you stay in your home or find somewhere safe.',
		whoItIsFor: everyone,
		themes: ['housing', 'crisis-prevention'],
		hubs: ['easterhouse-bridge-hub', 'govan-riverside-hub'],
	},
	{
		slug: 'home-adaptations-advice',
		name: 'Home adaptations advice',
		summary: 'Find out about grab rails, ramps and other adaptations.',
		description:
			'An occupational therapy assistant explains what adaptations could help you stay safe at home and how to get them.',
		whoItIsFor: 'Older and disabled people, and their carers.',
		themes: ['housing', 'long-term-conditions-and-frailty'],
		hubs: ['castlemilk-heights-hub', 'shettleston-tollcross-hub'],
	},
	{
		slug: 'warm-home-check',
		name: 'Warm home check',
		summary: 'Advice on keeping your home warm and dry.',
		description: 'Advice on damp, draughts, heating controls and grants for insulation.',
		whoItIsFor: everyone,
		themes: ['housing', 'welfare-and-benefits'],
		hubs: ['drumchapel-hillside-hub'],
	},
	{
		slug: 'new-tenants-welcome',
		name: 'New tenants welcome',
		summary: 'Settle into your new home and neighbourhood.',
		description: 'Help with furniture, setting up bills and finding local services after you move.',
		whoItIsFor: 'People who have just moved into a new tenancy.',
		themes: ['housing', 'community-information'],
		hubs: ['springburn-winter-gardens-hub'],
	},
	{
		slug: 'chair-yoga',
		name: 'Chair yoga',
		summary: 'Gentle yoga you can do sitting down.',
		description: 'Stretching and breathing exercises you can do from a chair, at your own pace.',
		whoItIsFor: olderPeople,
		themes: ['long-term-conditions-and-frailty', 'mental-health-and-recovery'],
		hubs: ['alexandra-park-pavilion', 'provanhall-neighbourhood-rooms'],
	},
	{
		slug: 'stop-smoking-support',
		name: 'Stop smoking support',
		summary: 'Free support and products to help you stop smoking.',
		description: 'Weekly support from a trained adviser, with free nicotine replacement products.',
		whoItIsFor: 'Adults who smoke.',
		themes: ['long-term-conditions-and-frailty'],
		hubs: ['govan-riverside-hub', 'shettleston-tollcross-hub'],
		minimumAge: 18,
	},
	{
		slug: 'peer-support-for-parents',
		name: 'Peer support for parents',
		summary: 'Meet other parents and share what helps.',
		description:
			'A friendly group for parents and carers of young children, with play for the children.',
		whoItIsFor: 'Parents and carers of children under 5.',
		themes: ['social-isolation-and-loneliness', 'mental-health-and-recovery'],
		hubs: ['dennistoun-duke-street-hub'],
	},
	{
		slug: 'hearing-aid-maintenance',
		name: 'Hearing aid maintenance',
		summary: 'New batteries and tubing for NHS hearing aids.',
		description: 'Volunteers re-tube and clean NHS hearing aids and give out batteries.',
		whoItIsFor: 'Anyone with an NHS hearing aid.',
		themes: ['long-term-conditions-and-frailty'],
		hubs: ['ruchill-good-neighbours', 'castlemilk-heights-hub'],
	},
	{
		slug: 'family-fun-cooking',
		name: 'Family fun cooking',
		summary: 'Cook a simple meal with your children.',
		description: 'Families cook and eat together, then take home a recipe bag.',
		whoItIsFor: 'Families with children aged 5 to 12.',
		themes: ['food-and-nutrition'],
		hubs: ['croftfoot-community-kitchen'],
	},
	{
		slug: 'gardening-group',
		name: 'Community gardening group',
		summary: 'Grow food and flowers together.',
		description:
			'Help look after the community garden, learn to grow vegetables and take home what you grow.',
		whoItIsFor: everyone,
		themes: ['social-isolation-and-loneliness', 'food-and-nutrition'],
		hubs: ['alexandra-park-pavilion', 'linkwood-wellbeing-centre'],
	},
	{
		slug: 'bereavement-support',
		name: 'Bereavement support',
		summary: 'Support after someone close to you has died.',
		description: 'A small group and one-to-one support for people coping with a death.',
		whoItIsFor: 'Adults who have been bereaved.',
		themes: ['mental-health-and-recovery'],
		hubs: ['sandyhills-community-flat'],
		minimumAge: 18,
		draft: true,
	},
];

export interface DemoPattern {
	service: string;
	hub: string;
	rrule: string;
	startTime: string;
	endTime: string;
	capacity: number;
	mode: 'booking' | 'walk-in';
	waitingList?: 'automatic' | 'offer';
	maxPlaces?: number;
	/** What the demo shows on this pattern's next date. */
	demo?: 'nearly-full' | 'full' | 'cancelled-date';
}

/** Drop-in patterns at most hubs (Elder Park and Provanhall have none). */
export const PATTERNS: DemoPattern[] = [
	{
		service: 'benefits-check-drop-in',
		hub: 'govan-riverside-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		startTime: '10:00',
		endTime: '12:00',
		capacity: 6,
		mode: 'booking',
		demo: 'nearly-full',
	},
	{
		service: 'tablet-and-phone-help',
		hub: 'govan-riverside-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		startTime: '14:00',
		endTime: '16:00',
		capacity: 8,
		mode: 'booking',
	},
	{
		service: 'community-pantry',
		hub: 'govan-riverside-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		startTime: '10:00',
		endTime: '13:00',
		capacity: 40,
		mode: 'walk-in',
	},
	{
		service: 'crisis-support-appointments',
		hub: 'easterhouse-bridge-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		startTime: '10:00',
		endTime: '12:00',
		capacity: 4,
		mode: 'booking',
		maxPlaces: 1,
		demo: 'full',
	},
	{
		service: 'energy-bills-advice',
		hub: 'easterhouse-bridge-hub',
		rrule: 'FREQ=MONTHLY;BYDAY=2WE',
		startTime: '13:00',
		endTime: '15:00',
		capacity: 6,
		mode: 'booking',
	},
	{
		service: 'community-larder',
		hub: 'easterhouse-bridge-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		startTime: '10:00',
		endTime: '13:00',
		capacity: 50,
		mode: 'walk-in',
	},
	{
		service: 'job-club',
		hub: 'drumchapel-hillside-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		startTime: '10:00',
		endTime: '12:00',
		capacity: 10,
		mode: 'booking',
	},
	{
		service: 'friday-lunch-club',
		hub: 'drumchapel-hillside-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		startTime: '12:00',
		endTime: '14:00',
		capacity: 20,
		mode: 'booking',
		maxPlaces: 4,
		waitingList: 'offer',
		demo: 'full',
	},
	{
		service: 'recovery-cafe',
		hub: 'linkwood-wellbeing-centre',
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		startTime: '18:00',
		endTime: '20:00',
		capacity: 25,
		mode: 'walk-in',
	},
	{
		service: 'walk-and-talk-group',
		hub: 'linkwood-wellbeing-centre',
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		startTime: '10:30',
		endTime: '12:00',
		capacity: 12,
		mode: 'booking',
	},
	{
		service: 'tablet-and-phone-help',
		hub: 'springburn-winter-gardens-hub',
		rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
		startTime: '10:00',
		endTime: '12:00',
		capacity: 6,
		mode: 'booking',
	},
	{
		service: 'cooking-on-a-budget',
		hub: 'springburn-winter-gardens-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		startTime: '13:00',
		endTime: '15:00',
		capacity: 8,
		mode: 'booking',
		demo: 'nearly-full',
	},
	{
		service: 'carers-cafe',
		hub: 'balgray-carers-house',
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		startTime: '10:30',
		endTime: '12:30',
		capacity: 15,
		mode: 'booking',
		demo: 'cancelled-date',
	},
	{
		service: 'steady-steps-falls-prevention',
		hub: 'castlemilk-heights-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		startTime: '10:00',
		endTime: '11:00',
		capacity: 12,
		mode: 'booking',
	},
	{
		service: 'benefits-check-drop-in',
		hub: 'castlemilk-heights-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		startTime: '13:00',
		endTime: '15:00',
		capacity: 6,
		mode: 'booking',
	},
	{
		service: 'family-fun-cooking',
		hub: 'croftfoot-community-kitchen',
		rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
		startTime: '11:00',
		endTime: '13:00',
		capacity: 6,
		mode: 'booking',
		maxPlaces: 4,
	},
	{
		service: 'interpreter-help-desk',
		hub: 'pollokshields-crossroads-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		startTime: '10:00',
		endTime: '13:00',
		capacity: 30,
		mode: 'walk-in',
	},
	{
		service: 'heart-health-checks',
		hub: 'pollokshields-crossroads-hub',
		rrule: 'FREQ=MONTHLY;BYDAY=1TU',
		startTime: '10:00',
		endTime: '12:00',
		capacity: 10,
		mode: 'booking',
	},
	{
		service: 'womens-group',
		hub: 'maxwell-square-rooms',
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		startTime: '10:30',
		endTime: '12:30',
		capacity: 12,
		mode: 'booking',
	},
	{
		service: 'digital-skills-for-work',
		hub: 'maryhill-locks-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		startTime: '13:00',
		endTime: '15:00',
		capacity: 8,
		mode: 'booking',
	},
	{
		service: 'memory-cafe',
		hub: 'ruchill-good-neighbours',
		rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
		startTime: '10:30',
		endTime: '12:30',
		capacity: 10,
		mode: 'booking',
	},
	{
		service: 'saturday-family-pantry',
		hub: 'dennistoun-duke-street-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		startTime: '10:00',
		endTime: '12:30',
		capacity: 40,
		mode: 'walk-in',
	},
	{
		service: 'tenancy-advice',
		hub: 'dennistoun-duke-street-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		startTime: '14:00',
		endTime: '16:00',
		capacity: 4,
		mode: 'booking',
		maxPlaces: 1,
	},
	{
		service: 'mens-shed',
		hub: 'alexandra-park-pavilion',
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		startTime: '10:00',
		endTime: '13:00',
		capacity: 10,
		mode: 'booking',
	},
	{
		service: 'chair-yoga',
		hub: 'alexandra-park-pavilion',
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		startTime: '11:00',
		endTime: '12:00',
		capacity: 12,
		mode: 'booking',
	},
	{
		service: 'carers-cafe',
		hub: 'shettleston-tollcross-hub',
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		startTime: '14:00',
		endTime: '16:00',
		capacity: 12,
		mode: 'booking',
	},
	{
		service: 'talk-it-through-drop-in',
		hub: 'sandyhills-community-flat',
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		startTime: '11:00',
		endTime: '13:00',
		capacity: 20,
		mode: 'walk-in',
	},
];
