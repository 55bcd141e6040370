// The demo catalog seeded on first start. Every title, person and story here is invented. People recur across
// titles on purpose, so "more with this actor" and search by person have something to find; a few titles carry long
// or accented words for typo-tolerant search ("Phantasmagorical", "Extraordinarily", "Café Último").

export type DemoCredit = { name: string; character?: string };
export type MovieRating = "G" | "PG" | "PG-13" | "R" | "NC-17";
export type ShowRating = "TV-Y" | "TV-G" | "TV-PG" | "TV-14" | "TV-MA";
export type DemoMovie = {
  title: string;
  year: number;
  maturityRating: MovieRating;
  runtimeMinutes: number;
  /** Slugs from demoGenres, 1–3 each. */
  genres: string[];
  synopsis: string;
  tagline: string;
  cast: DemoCredit[];
  directors: string[];
  /** Two hex colours for the generated artwork. */
  palette: [string, string];
};
export type DemoEpisode = { number: number; title: string; synopsis: string };
export type DemoSeason = { number: number; title: string; synopsis: string; year: number; episodes: DemoEpisode[] };
export type DemoShow = {
  title: string;
  year: number;
  maturityRating: ShowRating;
  genres: string[];
  synopsis: string;
  tagline: string;
  cast: DemoCredit[];
  creators: string[];
  palette: [string, string];
  seasons: DemoSeason[];
};

export const demoGenres: { slug: string; name: string }[] = [
  { slug: "action", name: "Action" },
  { slug: "adventure", name: "Adventure" },
  { slug: "animation", name: "Animation" },
  { slug: "comedy", name: "Comedy" },
  { slug: "crime", name: "Crime" },
  { slug: "documentary", name: "Documentary" },
  { slug: "drama", name: "Drama" },
  { slug: "family", name: "Family" },
  { slug: "fantasy", name: "Fantasy" },
  { slug: "horror", name: "Horror" },
  { slug: "mystery", name: "Mystery" },
  { slug: "romance", name: "Romance" },
  { slug: "sci-fi", name: "Sci-Fi" },
  { slug: "thriller", name: "Thriller" },
];

// One spelling per person: titles refer to these, never to a retyped name.
const people = {
  // An older generation, mostly 1960s–1990s.
  oswin: "Oswin Thackeray",
  hattie: "Hattie Quenneville",
  anselm: "Anselm Grieve",
  rosalind: "Rosalind Tsai-Hartley",
  ignatius: "Ignatius Bloom",
  silas: "Silas Kettleborough",
  celeste: "Celeste Mbatha",
  rafferty: "Rafferty Lindqvist",
  juno: "Juno Castellane",
  // Working now.
  marisol: "Marisol Vance",
  teodor: "Teodor Brannigan",
  ines: "Ines Halvorsen",
  caspian: "Caspian Albright",
  wren: "Wren Achterberg",
  dashiell: "Dashiell Moreau",
  priya: "Priya Vantongeren",
  lucia: "Lucía Ferreira",
  bram: "Bram Oyelaran",
  felix: "Felix Marchetti-Oduya",
  amara: "Amara Solberg",
  kenji: "Kenji Valdivia",
  noor: "Noor Abernathy",
  pilar: "Pilar Drummond-Ueda",
  greta: "Greta Okafor",
  tobias: "Tobias Wrenfield",
  mireille: "Mireille Ashdown",
  cormac: "Cormac Idowu",
  yara: "Yara Pemberton",
  lorcan: "Lorcan Vasquez",
  matthias: "Matthias Ebbesen",
  saffron: "Saffron Adeyemi-Klaus",
  odalys: "Odalys Fairweather",
  // Directors and creators; several of them also act.
  horatio: "Horatio Nakashima",
  beatrix: "Beatrix Ollenshaw",
  emeka: "Emeka Thornbury",
  solveig: "Solveig Marquardt",
  ruben: "Ruben Achebe-Lund",
  vivienne: "Vivienne Castellanos",
  ezekiel: "Ezekiel Strand",
  ottilie: "Ottilie Ferncastle",
  ambrose: "Ambrose Kilbride",
} as const;

const as = (name: string, character: string): DemoCredit => ({ name, character });

export const demoMovies: DemoMovie[] = [
  {
    title: "Hello, Cosmonaut",
    year: 1962,
    maturityRating: "G",
    runtimeMinutes: 94,
    genres: ["comedy", "family"],
    synopsis:
      "A small-town dairy farmer mistakes a crashed weather balloon for first contact and throws the galaxy's most awkward welcome party. By sunrise the whole county has baked a cake for a visitor who may just be a lost pilot with a very good helmet.",
    tagline: "The whole county is invited. Even the sky.",
    cast: [as(people.oswin, "Harlan Budge"), as(people.hattie, "Mabel Budge"), as(people.anselm, "The Visitor")],
    directors: [people.horatio],
    palette: ["#0d3b66", "#f4d35e"],
  },
  {
    title: "The Last Lighthouse of Vellmark",
    year: 1964,
    maturityRating: "PG",
    runtimeMinutes: 112,
    genres: ["drama", "mystery"],
    synopsis:
      "On a storm-bitten island at the edge of the map, a lighthouse keeper starts receiving Morse messages from a ship that sank forty years ago. Each message predicts the next wreck, and the newest one spells out her name.",
    tagline: "Some lights are meant to warn you away.",
    cast: [
      as(people.hattie, "Ilse Varga"),
      as(people.anselm, "Father Lukas"),
      as(people.oswin, "Harbourmaster Brandt"),
    ],
    directors: [people.horatio],
    palette: ["#1d3557", "#a8dadc"],
  },
  {
    title: "Quicksilver Waltz",
    year: 1967,
    maturityRating: "G",
    runtimeMinutes: 104,
    genres: ["romance", "comedy"],
    synopsis:
      "A clumsy watchmaker and a champion ballroom dancer are handcuffed together by a stage magician's trick gone wrong. To break the spell they must win the Grand Exposition waltz in perfect step, without falling in love.",
    tagline: "One, two, three… forever?",
    cast: [
      as(people.rosalind, "Clara Delune"),
      as(people.oswin, "Emil Ostrander"),
      as(people.anselm, "The Great Fantomelli"),
    ],
    directors: [people.horatio],
    palette: ["#3a0ca3", "#c0c0d8"],
  },
  {
    title: "Saltwater Sonata",
    year: 1971,
    maturityRating: "PG",
    runtimeMinutes: 118,
    genres: ["romance", "drama"],
    synopsis:
      "A deaf pianist retreats to her late mother's fishing village and finds that the tide keeps better time than any metronome. A taciturn boatbuilder teaches her to feel music through the hull of an unfinished ship.",
    tagline: "Listen with your hands.",
    cast: [
      as(people.rosalind, "Agathe Lune"),
      as(people.ignatius, "Tomas Keel"),
      as(people.hattie, "Widow Pell"),
    ],
    directors: [people.beatrix],
    palette: ["#006d77", "#ffddd2"],
  },
  {
    title: "Nine Minutes to Neptune",
    year: 1978,
    maturityRating: "PG",
    runtimeMinutes: 121,
    genres: ["sci-fi", "adventure"],
    synopsis:
      "The crew of a battered mining tug has nine minutes of fuel, one sulking navigation computer and a cargo hold full of sentient ice that badly wants to go home. A scrappy space opera about the longest nine minutes in the solar system.",
    tagline: "Plenty of time, said no one.",
    cast: [
      as(people.ignatius, "Captain Rook Halloran"),
      as(people.beatrix, "Navigator Sela Vey"),
      as(people.rosalind, "Dr. Orla Finch"),
      as(people.anselm, "ARLO (voice)"),
    ],
    directors: [people.emeka],
    palette: ["#10002b", "#ff9e00"],
  },
  {
    title: "The Phantasmagorical Dirigible",
    year: 1985,
    maturityRating: "PG",
    runtimeMinutes: 109,
    genres: ["fantasy", "family", "adventure"],
    synopsis:
      "Twelve-year-old Pip Oddfellow stows away aboard a patchwork airship crewed by retired circus performers who chase thunderstorms for a living. When a ruthless collector sets out to bottle the last wild lightning, the crew must fly straight into the storm of the century.",
    tagline: "Adventure is lighter than air.",
    cast: [
      as(people.juno, "Pip Oddfellow"),
      as(people.ignatius, "Captain Barnaby Quill"),
      as(people.beatrix, "Madame Zephyrine"),
      as(people.anselm, "Mr. Crowe"),
    ],
    directors: [people.emeka],
    palette: ["#5f0f40", "#fb8b24"],
  },
  {
    title: "Knives at the Harvest Fair",
    year: 1989,
    maturityRating: "R",
    runtimeMinutes: 101,
    genres: ["crime", "thriller"],
    synopsis:
      "In a county where the giant-pumpkin contest is a blood sport, a retired detective agrees to judge one last fair. Then a fellow judge turns up face-down in the jam tent, and everyone has a motive, a blue ribbon and a very sharp paring knife.",
    tagline: "First prize is survival.",
    cast: [
      as(people.rosalind, "Det. Maude Ferrier"),
      as(people.silas, "Sheriff Dale Ambrose"),
      as(people.celeste, "Lorna Pike"),
      as(people.ignatius, "Judge Ansel Crane"),
    ],
    directors: [people.beatrix],
    palette: ["#3d0c02", "#e9a03b"],
  },
  {
    title: "Grandma Versus the Volcano",
    year: 1994,
    maturityRating: "PG-13",
    runtimeMinutes: 97,
    genres: ["comedy", "action"],
    synopsis:
      "Seventy-eight-year-old Dot Kowalczyk refuses to evacuate her island bungalow just because the mountain next door is erupting. Armed with a golf cart, a ham radio and decades of grudges, she stages the most stubborn rescue mission in history.",
    tagline: "She's not leaving. The lava can.",
    cast: [
      as(people.hattie, "Dot Kowalczyk"),
      as(people.silas, "Ranger Theo Baptiste"),
      as(people.juno, "Kasia Kowalczyk"),
      as(people.celeste, "Dr. Nia Okello"),
    ],
    directors: [people.emeka],
    palette: ["#2b2d42", "#ff4d00"],
  },
  {
    title: "Velvet Switchblade",
    year: 1997,
    maturityRating: "NC-17",
    runtimeMinutes: 128,
    genres: ["crime", "drama", "thriller"],
    synopsis:
      "A nightclub singer with a perfect memory is paid to overhear one conversation for a crime family and forget everything else. When she remembers too much, the most dangerous people in the city start requesting her songs.",
    tagline: "Every song is a confession.",
    cast: [
      as(people.celeste, "Vera Lisle"),
      as(people.silas, "Augustin Draye"),
      as(people.rafferty, "Detective Cole Sato"),
      as(people.ruben, 'Benny "Two Tunes" Adair'),
    ],
    directors: [people.solveig],
    palette: ["#240046", "#c9184a"],
  },
  {
    title: "The Cartographer's Daughter",
    year: 2001,
    maturityRating: "PG-13",
    runtimeMinutes: 134,
    genres: ["adventure", "drama"],
    synopsis:
      "In the 1890s, a mapmaker's daughter sets out to finish her father's last survey and prove the valley he charted really exists. A rival expedition, a glacier that moves at night and a map that keeps redrawing itself stand in her way.",
    tagline: "Some places refuse to be found.",
    cast: [
      as(people.juno, "Elena Marlowe"),
      as(people.rafferty, "Captain Aldous Finch"),
      as(people.lucia, "Quilla"),
      as(people.ignatius, "Professor Marlowe"),
    ],
    directors: [people.solveig],
    palette: ["#283618", "#dda15e"],
  },
  {
    title: "Pocket Full of Thunder",
    year: 2004,
    maturityRating: "G",
    runtimeMinutes: 86,
    genres: ["animation", "family"],
    synopsis:
      "A tiny storm cloud who can only manage drizzle runs away from Sky Academy to prove he can rumble with the best of them. His new friend, a nervous weathervane, is certain this is a terrible idea and comes along anyway.",
    tagline: "Small cloud. Big noise.",
    cast: [
      as(people.kenji, "Nimbus (voice)"),
      as(people.bram, "Vane (voice)"),
      as(people.hattie, "Grandmother Gale (voice)"),
    ],
    directors: [people.ottilie, people.horatio],
    palette: ["#0096c7", "#ffd166"],
  },
  {
    title: "Hollow Pines",
    year: 2006,
    maturityRating: "R",
    runtimeMinutes: 99,
    genres: ["horror", "mystery"],
    synopsis:
      "Six friends rent a cabin in a forest where every tree is hollow and every hollow whispers their names. By the second night, one of them starts whispering back.",
    tagline: "The woods are listening.",
    cast: [
      as(people.rafferty, "Jonah Pryce"),
      as(people.amara, "Tess Vail"),
      as(people.bram, "Marcus Dunn"),
      as(people.noor, "Lily Chao"),
    ],
    directors: [people.vivienne],
    palette: ["#081c15", "#95d5b2"],
  },
  {
    title: "A Very Polite Apocalypse",
    year: 2009,
    maturityRating: "PG-13",
    runtimeMinutes: 102,
    genres: ["comedy", "sci-fi"],
    synopsis:
      "The aliens have arrived, and they are terribly sorry about the inconvenience. As Earth's most apologetic invasion unfolds one courteous memo at a time, a burned-out office manager becomes humanity's chief complaints officer.",
    tagline: "Resistance is… frankly, a bit rude.",
    cast: [
      as(people.dashiell, "Gordon Pell"),
      as(people.greta, "Envoy Ix'thali"),
      as(people.tobias, "Kevin from Accounts"),
      as(people.hattie, "Mrs. Fairley"),
    ],
    directors: [people.ruben],
    palette: ["#023047", "#fb8500"],
  },
  {
    title: "Tuesday Is a Ghost",
    year: 2011,
    maturityRating: "PG-13",
    runtimeMinutes: 107,
    genres: ["romance", "fantasy", "comedy"],
    synopsis:
      "Every Tuesday, architect Nell Harrow shares her flat with the ghost of a 1920s jazz trumpeter who has no idea he is dead. Every Wednesday he forgets her. She has one week to help him move on, or to give him a reason to stay.",
    tagline: "Love, once a week.",
    cast: [
      as(people.amara, "Nell Harrow"),
      as(people.cormac, 'Ellis "Bugle" Brown'),
      as(people.dashiell, "Rupert"),
      as(people.yara, "Tamsin"),
    ],
    directors: [people.vivienne],
    palette: ["#22223b", "#c9ada7"],
  },
  {
    title: "The Glass Orchard",
    year: 2013,
    maturityRating: "R",
    runtimeMinutes: 123,
    genres: ["drama", "thriller"],
    synopsis:
      "Three estranged sisters return to the family vineyard after their father's sudden death and find his final vintage laced with something that isn't grape. As the harvest nears, old secrets ferment into something lethal.",
    tagline: "Every family has a bitter year.",
    cast: [
      as(people.marisol, "Delia Marchand"),
      as(people.ines, "Rose Marchand"),
      as(people.yara, "Cass Marchand"),
      as(people.silas, "Gideon Voss"),
    ],
    directors: [people.solveig],
    palette: ["#3c096c", "#e0aaff"],
  },
  {
    title: "Moonlight Laundromat",
    year: 2014,
    maturityRating: "PG-13",
    runtimeMinutes: 96,
    genres: ["romance", "comedy"],
    synopsis:
      "Two insomniacs keep meeting at the same 24-hour laundromat, where they invent increasingly ridiculous life stories for each other's socks. Neither will admit they've started washing clothes that were already clean.",
    tagline: "Some things come out in the wash.",
    cast: [
      as(people.caspian, "Leo Brandt"),
      as(people.noor, "June Okoro"),
      as(people.tobias, "Sid the attendant"),
      as(people.greta, "Aunt Beatrice"),
    ],
    directors: [people.vivienne],
    palette: ["#0b132b", "#5bc0be"],
  },
  {
    title: "Otters of the Ninth Kingdom",
    year: 2015,
    maturityRating: "G",
    runtimeMinutes: 91,
    genres: ["animation", "family", "fantasy"],
    synopsis:
      "When the river that feeds nine magical kingdoms suddenly stops, a band of otter siblings paddles upstream to find out who turned off the tap. Roaring rapids, riddling herons and a very grumpy beaver king await.",
    tagline: "Nine kingdoms. One river. A lot of splashing.",
    cast: [
      as(people.kenji, "Tumble (voice)"),
      as(people.juno, "Ripple (voice)"),
      as(people.bram, "King Gnawford (voice)"),
      as(people.oswin, "The Heron (voice)"),
    ],
    directors: [people.ottilie],
    palette: ["#0077b6", "#90e0ef"],
  },
  {
    title: "Zero Gravity Bakery",
    year: 2016,
    maturityRating: "PG",
    runtimeMinutes: 99,
    genres: ["family", "comedy", "sci-fi"],
    synopsis:
      "Ten-year-old Ada wins a contest to bake the space-station commander's birthday cake, aboard the space station. Flour floats, frosting drifts, and her soufflé is now technically a satellite.",
    tagline: "Let them eat cake. Carefully.",
    cast: [
      as(people.pilar, "Ada Quint"),
      as(people.kenji, "Commander Hal Ibsen"),
      as(people.greta, "Chef Marguerite"),
      as(people.cormac, "Flight Director Owens"),
    ],
    directors: [people.ruben],
    palette: ["#3a0ca3", "#ffafcc"],
  },
  {
    title: "Kingdom of Small Things",
    year: 2018,
    maturityRating: "G",
    runtimeMinutes: 82,
    genres: ["documentary", "family"],
    synopsis:
      "A year beneath a single hedgerow, filmed with cameras no bigger than a thimble. Beetles duel, spiders engineer suspension bridges, and a family of dormice sleeps through most of the drama.",
    tagline: "An epic, one centimetre at a time.",
    cast: [
      as(people.anselm, "Narrator"),
      as(people.mireille, "Herself, field biologist"),
      as(people.lorcan, "Himself, camera operator"),
    ],
    directors: [people.ezekiel],
    palette: ["#2d6a4f", "#ffd60a"],
  },
  {
    title: "Ironbark",
    year: 2018,
    maturityRating: "R",
    runtimeMinutes: 114,
    genres: ["action", "thriller"],
    synopsis:
      "A disgraced smokejumper is the only one who knows the back trails when a wildfire traps a prison transport high in the mountains. She has twelve hours, one fire axe and a convict who swears he is innocent.",
    tagline: "The fire is the least of her problems.",
    cast: [
      as(people.marisol, "Kit Calloway"),
      as(people.lorcan, "Dutch Merritt"),
      as(people.ezekiel, "Warden Pike"),
      as(people.felix, "Danny Osei"),
    ],
    directors: [people.ezekiel],
    palette: ["#370617", "#f48c06"],
  },
  {
    title: "Extraordinarily Quiet Neighbours",
    year: 2019,
    maturityRating: "PG-13",
    runtimeMinutes: 104,
    genres: ["mystery", "comedy"],
    synopsis:
      "Nobody on Fennimore Close has heard a sound from number 14 in three years. When a bored podcaster starts recording the silence, she learns the house is quiet for a reason, and that the rest of the street is suspiciously loud about it.",
    tagline: "Shh. Something is going on.",
    cast: [
      as(people.yara, "Poppy Lennart"),
      as(people.tobias, "Gerald Moss"),
      as(people.mireille, "Mrs. Iverson"),
      as(people.dashiell, "Constable Rudd"),
    ],
    directors: [people.vivienne],
    palette: ["#606c38", "#fefae0"],
  },
  {
    title: "Seventeen Ways to Rob a Casino on the Moon",
    year: 2020,
    maturityRating: "PG-13",
    runtimeMinutes: 118,
    genres: ["crime", "sci-fi", "comedy"],
    synopsis:
      "A washed-up stage magician assembles a crew of lunar misfits to rob the only casino on the Moon during a solar eclipse. They have seventeen plans. Sixteen of them are terrible.",
    tagline: "The house always wins. Not this house.",
    cast: [
      as(people.dashiell, "Lucky Fenwick"),
      as(people.felix, "Bolt"),
      as(people.priya, "Dr. Anouk Sallis"),
      as(people.teodor, "Maximilian Crane"),
      as(people.vivienne, "Pit Boss Odile"),
    ],
    directors: [people.ruben],
    palette: ["#14213d", "#fca311"],
  },
  {
    title: "Night Shift at the Observatory",
    year: 2021,
    maturityRating: "PG",
    runtimeMinutes: 88,
    genres: ["documentary"],
    synopsis:
      "Astronomers at a remote desert observatory race the sunrise to catch a comet that will not return for six thousand years. A quiet, funny portrait of the people who work while everyone else is asleep.",
    tagline: "The sky doesn't wait.",
    cast: [
      as(people.lucia, "Narrator"),
      as(people.matthias, "Himself, telescope engineer"),
      as(people.saffron, "Herself, comet hunter"),
    ],
    directors: [people.ezekiel],
    palette: ["#03045e", "#caf0f8"],
  },
  {
    title: "Marrowgate",
    year: 2022,
    maturityRating: "R",
    runtimeMinutes: 103,
    genres: ["horror", "thriller"],
    synopsis:
      "A hospice nurse takes the night shift at a crumbling manor where every patient shares the same dream: a gate of bone at the bottom of the garden. Tonight, the gate is open.",
    tagline: "Don't go down to the garden.",
    cast: [
      as(people.ines, "Nurse Agnes Whitlow"),
      as(people.teodor, "Dr. Lionel Hale"),
      as(people.saffron, "Effie"),
      as(people.wren, "The Gardener"),
    ],
    directors: [people.vivienne],
    palette: ["#0a0908", "#a4161a"],
  },
  {
    title: "Café Último",
    year: 2022,
    maturityRating: "PG-13",
    runtimeMinutes: 109,
    genres: ["drama", "romance"],
    synopsis:
      "On the last night before her family's café closes for good, Sofía serves one final round to the regulars who kept it alive for fifty years. Every order comes with a story, and one of them changes everything.",
    tagline: "One last cup. One last chance.",
    cast: [
      as(people.lucia, "Sofía Ibarra"),
      as(people.caspian, "Mateo Lind"),
      as(people.rosalind, "Doña Elvira"),
      as(people.kenji, "Hiro"),
    ],
    directors: [people.solveig],
    palette: ["#6f1d1b", "#ffe6a7"],
  },
  {
    title: "The Lantern Keepers' Strike",
    year: 2023,
    maturityRating: "PG",
    runtimeMinutes: 100,
    genres: ["comedy", "drama"],
    synopsis:
      "In a city still lit by gas lamps, the lantern keepers walk off the job on the longest night of the year. A stubborn apprentice and a cynical union boss must keep the streets glowing, or let the city learn to love the dark.",
    tagline: "Lights out. Hearts on.",
    cast: [
      as(people.pilar, "Wick"),
      as(people.bram, "Hennessy Tallow"),
      as(people.greta, "Mayor Ostrowa"),
      as(people.oswin, "Old Flint"),
    ],
    directors: [people.emeka],
    palette: ["#1a1423", "#ffb627"],
  },
  {
    title: "Signal from Hollowmere",
    year: 2024,
    maturityRating: "PG-13",
    runtimeMinutes: 116,
    genres: ["sci-fi", "mystery"],
    synopsis:
      "A radio astronomer picks up a signal coming not from deep space but from beneath a drowned village in the fens. The message is in her own voice, and it is counting down.",
    tagline: "Someone is calling. It's you.",
    cast: [
      as(people.noor, "Dr. Ruth Aldane"),
      as(people.wren, "Sam Pickering"),
      as(people.felix, "Major Idris Cole"),
      as(people.mireille, "Ada Pickering"),
    ],
    directors: [people.solveig],
    palette: ["#001219", "#94d2bd"],
  },
  {
    title: "Blood Orange Boulevard",
    year: 2024,
    maturityRating: "R",
    runtimeMinutes: 111,
    genres: ["crime", "thriller", "action"],
    synopsis:
      "In a sun-bleached coastal city, a juice-stand owner witnesses a hit and becomes the only thing standing between a crooked mayor and re-election. Nobody expected the quiet guy with the citrus press to push back.",
    tagline: "Squeezed. Never crushed.",
    cast: [
      as(people.cormac, "Rafi Santos"),
      as(people.marisol, "Councillor Dana Ward"),
      as(people.teodor, "Mayor Gil Ashcombe"),
      as(people.saffron, "Lupe"),
    ],
    directors: [people.ezekiel],
    palette: ["#390099", "#ff5400"],
  },
  {
    title: "The Snail Who Wanted Wings",
    year: 2025,
    maturityRating: "G",
    runtimeMinutes: 84,
    genres: ["animation", "family"],
    synopsis:
      "Shelby the snail is tired of being the slowest creature in the garden, so she enrols in flight school for butterflies. She is hopeless, she is determined, and she may teach everyone there is more than one way to soar.",
    tagline: "Slow and steady takes off.",
    cast: [
      as(people.pilar, "Shelby (voice)"),
      as(people.tobias, "Coach Monarch (voice)"),
      as(people.kenji, "Gus the Beetle (voice)"),
      as(people.hattie, "Grandmother Moth (voice)"),
    ],
    directors: [people.ottilie],
    palette: ["#1b998b", "#f15bb5"],
  },
  {
    title: "Fathom Seven",
    year: 2025,
    maturityRating: "PG-13",
    runtimeMinutes: 113,
    genres: ["thriller", "sci-fi", "adventure"],
    synopsis:
      "A drilling team deep under the Antarctic ice breaks into a lake sealed for a million years, and something in the water begins rewriting their equipment. With a storm cutting them off, they must decide whether to warn the world or bury what they found.",
    tagline: "Some doors should stay frozen.",
    cast: [
      as(people.wren, "Dr. Hana Sørli"),
      as(people.felix, "Tiago Pires"),
      as(people.ines, "Station Chief Birgit Holm"),
      as(people.matthias, "Yusuf Karaca"),
    ],
    directors: [people.emeka],
    palette: ["#0b2545", "#8da9c4"],
  },
  {
    title: "Dustwalker",
    year: 2026,
    maturityRating: "PG-13",
    runtimeMinutes: 127,
    genres: ["action", "adventure", "fantasy"],
    synopsis:
      "In a desert where the wind remembers everything, a courier who can read sandstorms must carry a sealed letter across the Shattered Expanse. Bandits want it, a prophet fears it, and the wind has opinions of its own.",
    tagline: "The wind remembers.",
    cast: [
      as(people.caspian, "Ash Taren"),
      as(people.amara, "Mirelle the Prophet"),
      as(people.lorcan, "Kord"),
      as(people.marisol, "Queen Sephine"),
      as(people.odalys, "Little Sparrow"),
    ],
    directors: [people.ezekiel, people.vivienne],
    palette: ["#7f4f24", "#ffe8d6"],
  },
];

// Episodes: a title and one sentence each, numbered in order.
const episodes = (...items: [title: string, synopsis: string][]): DemoEpisode[] =>
  items.map(([title, synopsis], i) => ({ number: i + 1, title, synopsis }));

export const demoShows: DemoShow[] = [
  {
    title: "Bramble & Button",
    year: 2019,
    maturityRating: "TV-Y",
    genres: ["animation", "family"],
    synopsis:
      "A shy hedgehog named Bramble and a runaway coat button named Button explore the big wide garden, one gentle adventure at a time. Every episode ends with a nap.",
    tagline: "Small friends, big garden.",
    cast: [
      as(people.kenji, "Bramble (voice)"),
      as(people.pilar, "Button (voice)"),
      as(people.hattie, "Granny Toad (voice)"),
    ],
    creators: [people.ottilie],
    palette: ["#6a994e", "#f2e8cf"],
    seasons: [
      {
        number: 1,
        title: "Hello, Garden",
        synopsis: "Bramble and Button meet and discover that the garden is much bigger than it looks from under a leaf.",
        year: 2019,
        episodes: episodes(
          ["The Very Big Puddle", "Bramble is sure the puddle is an ocean, so Button builds a boat from a bottle cap."],
          ["Button Rolls Away", "A windy day sends Button rolling down the hill, and Bramble follows the trail of giggles."],
          ["Whose Shoe Is This?", "The friends find an enormous shoe and try to guess what kind of giant left it."],
          ["The Moon Comes Over", "Bramble stays up late for the first time to say goodnight to the moon."],
        ),
      },
      {
        number: 2,
        title: "Seasons Change",
        synopsis: "Leaves fall, snow arrives and the friends learn that every season has its own games.",
        year: 2021,
        episodes: episodes(
          ["The First Leaf Falls", "Button tries to put the first autumn leaf back on its tree."],
          ["Snow on Bramble's Nose", "Bramble sees snow for the first time and is not sure it is allowed to be that cold."],
          ["The Worm Parade", "Spring comes back, and so does the garden's slowest, proudest parade."],
        ),
      },
    ],
  },
  {
    title: "Captain Pudding's Cloud Patrol",
    year: 2016,
    maturityRating: "TV-G",
    genres: ["animation", "comedy", "adventure"],
    synopsis:
      "Captain Pudding and her crew of hopeless cloud-shepherds keep the skies over Drizzleton tidy: untangling rainbows, rescuing lost kites and herding runaway fog. Somehow, it usually works.",
    tagline: "Keeping the sky tidy since breakfast.",
    cast: [
      as(people.juno, "Captain Pudding (voice)"),
      as(people.bram, "First Mate Crumble (voice)"),
      as(people.tobias, "Professor Fog (voice)"),
      as(people.oswin, "The Weatherman (voice)"),
    ],
    creators: [people.ottilie, people.ruben],
    palette: ["#219ebc", "#ffb703"],
    seasons: [
      {
        number: 1,
        title: "Fair Weather Friends",
        synopsis: "The new Cloud Patrol takes to the sky and immediately loses a cloud.",
        year: 2016,
        episodes: episodes(
          ["The Rainbow Knot", "A rainbow gets tied in a knot, and only Crumble's terrible shoelace skills can help."],
          ["Kite Rescue", "Twelve kites are stuck in the Tallest Cloud, and one of them is very bossy."],
          ["Fog Gets Loose", "Professor Fog's pet fog escapes and hides the whole town in the middle of the fair."],
        ),
      },
      {
        number: 2,
        title: "Stormy Business",
        synopsis: "A rival patrol arrives from Gustbury, and the weather gets competitive.",
        year: 2017,
        episodes: episodes(
          ["The Gustbury Gang", "A shiny new patrol promises perfect weather, but their clouds are made of cardboard."],
          ["Hail to the Captain", "Captain Pudding must decide whether a hailstorm is a problem or a very cold snack."],
          ["Thunder's Birthday", "The crew plans a surprise party for a thundercloud who hates surprises."],
          ["The Great Sky Race", "Drizzleton and Gustbury race across the sky, and the finish line keeps drifting."],
        ),
      },
      {
        number: 3,
        title: "Beyond the Blue",
        synopsis: "The patrol flies further than ever, all the way to where the sky turns into space.",
        year: 2019,
        episodes: episodes(
          ["Up, Up and Oops", "A balloon mix-up carries the crew higher than any cloud has gone."],
          ["The Star Who Fell Asleep", "A tired star naps on a cloud, and the whole night sky looks wrong without it."],
          ["Home by Teatime", "Lost among the stars, the crew navigates home by the smell of Crumble's cooking."],
        ),
      },
    ],
  },
  {
    title: "Quietly, in Wickham Fold",
    year: 2012,
    maturityRating: "TV-PG",
    genres: ["mystery", "comedy"],
    synopsis:
      "The Reverend Agatha Pryce-Whitby solves murders in a village so picturesque that nobody believes anyone could possibly die there. They keep dying there.",
    tagline: "Tea, cake and the occasional corpse.",
    cast: [
      as(people.rosalind, "Rev. Agatha Pryce-Whitby"),
      as(people.tobias, "DS Ned Hollis"),
      as(people.mireille, "Mrs. Dimmock"),
      as(people.anselm, "Colonel Bathurst"),
    ],
    creators: [people.beatrix],
    palette: ["#344e41", "#dad7cd"],
    seasons: [
      {
        number: 1,
        title: "A Village Like No Other",
        synopsis: "Agatha arrives in Wickham Fold for a quiet retirement that lasts about a day.",
        year: 2012,
        episodes: episodes(
          ["Death at the Jumble Sale", "A priceless vase sells for fifty pence, and its buyer is found under the tombola."],
          ["The Bell Ringer's Secret", "The church bells ring thirteen times at midnight, and the bell ringer is nowhere to be found."],
          ["Scones and Scandal", "A judge of the baking contest collapses, and every entrant has a motive."],
          ["Evensong", "Agatha finally learns why the previous vicar left in such a hurry."],
        ),
      },
      {
        number: 2,
        title: "Unholy Orders",
        synopsis: "A new bishop arrives to close the parish, and the village closes ranks.",
        year: 2014,
        episodes: episodes(
          ["The Bishop's Move", "The bishop's chess partner is poisoned mid-game, and the board is the only witness."],
          ["Hedge Fund", "The Colonel's prize topiary hides more than a badly trimmed peacock."],
          ["Lost in the Fold", "Fog rolls in, the phones go dead, and someone at the pub is not who they say."],
        ),
      },
      {
        number: 3,
        title: "All Creatures, Great and Suspicious",
        synopsis: "The village fête, a runaway llama and one last case that Agatha takes personally.",
        year: 2016,
        episodes: episodes(
          ["The Llama Alibi", "The only witness to the crime is a llama, and it refuses to cooperate."],
          ["Harvest Festival", "A marrow the size of a canoe hides a clue, and possibly a body."],
          ["The Last Sermon", "Agatha preaches a sermon that names a murderer, if only the right person is listening."],
        ),
      },
    ],
  },
  {
    title: "Low Orbit",
    year: 2021,
    maturityRating: "TV-14",
    genres: ["sci-fi", "comedy", "drama"],
    synopsis:
      "Life aboard a budget space station run by a logistics company that treats astronauts like warehouse staff. Eight crew, one broken coffee machine and four hundred kilometres between them and the nearest HR department.",
    tagline: "Space is hard. Payroll is harder.",
    cast: [
      as(people.greta, "Station Manager Petra Lindahl"),
      as(people.dashiell, "Flight Engineer Otto Quist"),
      as(people.priya, "Dr. Juniper Vale"),
      as(people.felix, "Specialist Reza Amin"),
      as(people.odalys, "Intern Mina Solano"),
    ],
    creators: [people.ambrose, people.greta],
    palette: ["#0d1b2a", "#e0e1dd"],
    seasons: [
      {
        number: 1,
        title: "Onboarding",
        synopsis: "A new crew arrives to find the station's last team left in a hurry, and left the fridge on.",
        year: 2021,
        episodes: episodes(
          ["Welcome Aboard", "The crew arrives to find the airlock instructions have been laminated upside down."],
          ["Key Performance Indicators", "Head office demands a productivity report from people who mostly float."],
          ["Spacewalk Policy", "A routine repair goes sideways when Otto's tether turns out to be a rental."],
          ["Quarterly Review", "A surprise inspection coincides with the station's first real emergency."],
        ),
      },
      {
        number: 2,
        title: "Restructuring",
        synopsis: "The company is sold, the station is rebranded, and the crew wonders whether they are still employed.",
        year: 2023,
        episodes: episodes(
          ["Under New Management", "The new owners rename the station after an energy drink, and the crew revolts."],
          ["Zero-G Team Building", "A mandatory trust exercise goes badly when nobody can agree which way is down."],
          ["Debris Field", "A cloud of junk is heading their way, and the only person who can steer is on leave."],
          ["Exit Interview", "Petra has one shot to save the station, the crew and, unfortunately, the coffee machine."],
        ),
      },
    ],
  },
  {
    title: "The Ledger of Ashford Street",
    year: 2017,
    maturityRating: "TV-14",
    genres: ["crime", "drama", "mystery"],
    synopsis:
      "A forensic accountant finds a century-old ledger in a pawn shop on Ashford Street that balances the books for every unsolved crime in the city. Each column leads to a door someone wanted kept shut.",
    tagline: "Every debt comes due.",
    cast: [
      as(people.cormac, "Abel Marsh"),
      as(people.ines, "DI Freya Lund"),
      as(people.silas, "Mr. Corbin"),
      as(people.saffron, "Nia Marsh"),
    ],
    creators: [people.solveig, people.ambrose],
    palette: ["#1b263b", "#c2a878"],
    seasons: [
      {
        number: 1,
        title: "Debits",
        synopsis: "Abel learns to read the ledger, and learns that someone else has been reading it too.",
        year: 2017,
        episodes: episodes(
          ["Opening Balance", "A routine audit leads Abel to a pawn shop and a book that should not exist."],
          ["Column Four", "An entry from 1923 matches a robbery that happened last Tuesday."],
          ["Compound Interest", "DI Lund starts asking why an accountant keeps arriving at crime scenes first."],
          ["Reconciliation", "The ledger's next entry is a name Abel knows very well."],
        ),
      },
      {
        number: 2,
        title: "Credits",
        synopsis: "The ledger's original keeper is traced, and the city's oldest families start paying attention.",
        year: 2019,
        episodes: episodes(
          ["The Corbin Account", "Mr. Corbin makes an offer Abel cannot refuse and should not accept."],
          ["Bad Debt", "Nia goes missing on the night an entry in red ink appears."],
          ["Carried Forward", "Lund and Abel break into the city archive to find the ledger's first page."],
        ),
      },
      {
        number: 3,
        title: "Closing the Books",
        synopsis: "The final pages are blank, and whoever writes in them decides the city's future.",
        year: 2020,
        episodes: episodes(
          ["Write-Off", "An old ally turns up in the ledger, marked as paid in full."],
          ["Insolvency", "The pawn shop burns, and Abel has the only copy of what was inside."],
          ["Final Figures", "Abel must choose between balancing the ledger and burning it."],
        ),
      },
    ],
  },
  {
    title: "Saltmarsh",
    year: 2020,
    maturityRating: "TV-MA",
    genres: ["horror", "mystery", "drama"],
    synopsis:
      "When a tidal surge floods the village of Saltmarsh, the water leaves behind something that was buried three hundred years ago. One by one, the villagers begin remembering lives they never lived.",
    tagline: "The tide brings everything back.",
    cast: [
      as(people.amara, "Constable Eve Harker"),
      as(people.wren, "Micah Rooke"),
      as(people.teodor, "Reverend Hale"),
      as(people.yara, "Lottie Rooke"),
      as(people.vivienne, "Old Nan Greaves"),
    ],
    creators: [people.vivienne],
    palette: ["#1b2021", "#7a9e9f"],
    seasons: [
      {
        number: 1,
        title: "High Water",
        synopsis: "The flood recedes, and the dead of 1720 begin to stir in the living.",
        year: 2020,
        episodes: episodes(
          ["The Surge", "A storm breaches the sea wall and uncovers a ring of standing stones in the marsh."],
          ["Drowned Bells", "The villagers hear church bells from a church that sank centuries ago."],
          ["Lottie Remembers", "A twelve-year-old girl starts speaking in a dialect nobody has used for three hundred years."],
          ["Low Tide", "Eve follows the stones out onto the mudflats, and the tide turns early."],
        ),
      },
      {
        number: 2,
        title: "Undertow",
        synopsis: "Outsiders arrive to study Saltmarsh, and the village decides who gets to leave.",
        year: 2022,
        episodes: episodes(
          ["The Surveyors", "A team of scientists arrives with instruments the marsh does not like."],
          ["Brine", "Reverend Hale's sermon goes wrong when the font fills with seawater."],
          ["The Last Ferry", "The only way out of Saltmarsh is a ferry that keeps arriving empty."],
          ["Spring Tide", "The highest tide in a century returns for what the first one left behind."],
        ),
      },
    ],
  },
  {
    title: "Forty Covers a Night",
    year: 2023,
    maturityRating: "TV-MA",
    genres: ["drama", "comedy"],
    synopsis:
      "A star-hungry chef inherits her estranged father's failing diner and swears she will make it the best restaurant in the city within a year. The line cooks have other ideas, the landlord has worse ones, and the fryer is on fire again.",
    tagline: "Yes, chef. No, chef. Fire, chef!",
    cast: [
      as(people.marisol, "Rosa Kessler"),
      as(people.lorcan, "Benny Ortega"),
      as(people.caspian, "Theo Kessler"),
      as(people.matthias, "Dmitri"),
      as(people.celeste, "Odette Holloway"),
    ],
    creators: [people.ezekiel, people.marisol],
    palette: ["#2b0f0e", "#e76f51"],
    seasons: [
      {
        number: 1,
        title: "Mise en Place",
        synopsis: "Rosa takes over the diner and discovers the kitchen is held together by tape and spite.",
        year: 2023,
        episodes: episodes(
          ["Family Meal", "Rosa's first day ends with a walkout, a health inspector and a very confused delivery driver."],
          ["Eighty-Six", "The menu shrinks to one dish when the supplier stops taking Rosa's calls."],
          ["The Critic", "A famous critic books a table under a fake name, and everyone thinks it's someone else."],
          ["Service", "Opening night of the new menu, with forty covers booked and three cooks left."],
        ),
      },
      {
        number: 2,
        title: "Heat",
        synopsis: "A rival restaurant opens across the street, and Rosa's brother takes a job there.",
        year: 2024,
        episodes: episodes(
          ["Across the Street", "Theo's new employer offers the whole kitchen a raise, and Benny is tempted."],
          ["Reduction", "Rosa cuts the menu, the staff and nearly her own thumb."],
          ["Double Shift", "A power cut, a wedding party and a fryer that will not stop smoking."],
        ),
      },
      {
        number: 3,
        title: "Last Orders",
        synopsis: "The lease is up, the stars are announced, and the family finally sits down to eat together.",
        year: 2026,
        episodes: episodes(
          ["Tasting Menu", "Rosa cooks her father's recipes for the first time and hates how good they are."],
          ["The Landlord's Table", "Odette names her price for the building, and it is not money."],
          ["Staff Meal", "On the last night, the kitchen cooks for each other instead of the customers."],
        ),
      },
    ],
  },
];

export type DemoOffer = { kind: "rent" | "buy"; priceCents: number; rentalHours?: number; startWithinDays?: number };
export type DemoSale = { access: "rent_or_buy" | "premium_early_access" | "free"; offers: DemoOffer[] };

const rent = (priceCents: number, rentalHours = 48, startWithinDays = 30): DemoOffer => ({ kind: "rent", priceCents, rentalHours, startWithinDays });
const buy = (priceCents: number): DemoOffer => ({ kind: "buy", priceCents });

/** Titles not (only) in the plans, by title: the rest are subscription titles. A new user sees each kind. */
export const demoSales: Record<string, DemoSale> = {
  "Fathom Seven": { access: "rent_or_buy", offers: [rent(399), buy(1499)] },
  "The Lantern Keepers' Strike": { access: "rent_or_buy", offers: [rent(299), buy(999)] },
  "Hollow Pines": { access: "rent_or_buy", offers: [rent(399, 72, 14), buy(1299)] },
  "Signal from Hollowmere": { access: "premium_early_access", offers: [rent(599), buy(1999)] },
  "Extraordinarily Quiet Neighbours": { access: "premium_early_access", offers: [rent(499, 24, 7)] },
  "Hello, Cosmonaut": { access: "free", offers: [] },
  "Quicksilver Waltz": { access: "free", offers: [] },
};

/** Titles made in, or dubbed into, other languages than English (BCP 47), by title: the rest are English only. */
export const demoLanguages: Record<string, { original: string; audio: string[] }> = {
  "Café Último": { original: "es", audio: ["es", "en"] },
  "Quicksilver Waltz": { original: "fr", audio: ["fr", "en", "es"] },
  "The Last Lighthouse of Vellmark": { original: "en", audio: ["en", "es"] },
};

export type DemoCollection = { slug: string; title: string; description: string; position: number; titles: string[] };

/** Collections curated for the home page (by title), so a new user sees rows an editor made; kids see the family one. */
export const demoCollections: DemoCollection[] = [
  {
    slug: "award-winners",
    title: "Award Winners",
    description: "Festival favourites and prize winners, picked by our editors.",
    position: 2,
    titles: ["The Glass Orchard", "The Last Lighthouse of Vellmark", "Café Último", "The Ledger of Ashford Street", "Saltwater Sonata", "Velvet Switchblade", "Kingdom of Small Things"],
  },
  {
    slug: "documentaries",
    title: "Documentaries",
    description: "True stories, small and cosmic.",
    position: 4,
    titles: ["Kingdom of Small Things", "Night Shift at the Observatory"],
  },
  {
    slug: "family-movie-night",
    title: "Family Movie Night",
    description: "Something everyone on the sofa can agree on.",
    position: 1,
    titles: ["Otters of the Ninth Kingdom", "Hello, Cosmonaut", "Pocket Full of Thunder", "The Phantasmagorical Dirigible", "Zero Gravity Bakery", "The Snail Who Wanted Wings", "Captain Pudding's Cloud Patrol"],
  },
];

/** The hero carousel's featured titles, in order (a kids profile sees the ones rated for it). */
export const demoFeatured = ["The Last Lighthouse of Vellmark", "Low Orbit", "Otters of the Ninth Kingdom", "Signal from Hollowmere"];
