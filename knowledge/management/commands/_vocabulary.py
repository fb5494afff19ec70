"""Words for generated benchmark text, most frequent first.

Real pages use thousands of distinct words, a few very often and most rarely (Zipf's
law); text drawn from a few dozen words would make every search match most pages.
The list starts with common Dutch words, then words of the association's field.
"""

COMMON = """
de het een en van in op met voor te dat is zijn aan bij om ook door als naar over
niet of uit tot worden wordt hebben heeft meer nieuwe onze deze die dit er werk
mensen jaar organisaties samen eigen andere goed kunnen moeten willen maken geven
nemen laten zien komen gaan blijven steeds vaak veel weinig grote kleine eerste
laatste lange korte sterke snelle belangrijke gezamenlijke landelijke lokale
""".split()

FIELD = """
digitale autonomie cyberveiligheid kunstmatige intelligentie partnerschap dekolonisatie
lokaal leiderschap coalitie maatschappelijke ruimte klimaat gender onderwijs water
gezondheid integriteit kwaliteit inclusief communicatie beleid financiering
verantwoording samenwerking netwerk kennis praktijk dialoog toekomst verandering
gemeenschap rechten vrede voedsel landbouw energie data privacy lobby campagne
ontwikkeling hulp noodhulp wederopbouw migratie vluchtelingen armoede ongelijkheid
voedselzekerheid droogte overstroming veerkracht weerbaarheid adaptatie mitigatie
biodiversiteit bossen oceanen visserij irrigatie sanitatie hygiëne vaccinatie malaria
zorg verloskunde kindersterfte voeding scholing alfabetisering beroepsonderwijs
werkgelegenheid ondernemerschap microkrediet coöperatie handel ketens eerlijke
arbeidsrechten kinderarbeid mensenrechten democratie verkiezingen corruptie
transparantie rechtsstaat journalistiek persvrijheid burgerschap jongeren vrouwen
meisjes ouderen minderheden inheemse beperking toegankelijkheid inclusie diversiteit
racisme machtsverhoudingen eigenaarschap lokalisering subsidie donoren fondsen
begroting rapportage monitoring evaluatie impact resultaten indicatoren theorie
strategie programma project pilot methode instrument handreiking toolkit leidraad
onderzoek analyse publicatie rapport verkenning position paper standpunt reactie
kamerbrief begrotingsdebat ministerie buitenlandse zaken minister staatssecretaris
kabinet parlement tweede kamer motie amendement wetgeving regelgeving europese unie
verenigde naties duurzaamheidsdoelen agenda akkoord conferentie top verdrag
klimaatfinanciering schuldenlast belastingen grondstoffen mijnbouw energietransitie
zonne windenergie elektrificatie digitalisering connectiviteit internet platform
software opensource cloud dataset algoritme desinformatie online veiligheid
wachtwoord phishing back-up encryptie beheer governance bestuur toezicht raad
directeur medewerkers vrijwilligers stagiairs achterban leden vereniging sector
brancheorganisatie kwaliteitsnorm gedragscode klachten meldpunt integriteitsbeleid
safeguarding risico crisis conflict fragiele staten humanitaire toegang neutraliteit
bemiddeling verzoening traumazorg psychosociale steun onderwijsprogramma leraren
scholen universiteiten studenten kennisinstellingen bedrijven overheid gemeenten
provincies ambassades partners zuidelijke noordelijke wereldwijd regionaal nationaal
afrika azië latijns-amerika midden-oosten sahel hoorn grote meren andes caraïben
oeganda kenia ethiopië mali niger burkina faso ghana nigeria mozambique zimbabwe
bangladesh nepal indonesië filipijnen guatemala honduras colombia peru bolivia
jemen syrië libanon jordanië palestina afghanistan oekraïne haïti sudan somalië
workshop webinar masterclass leergang intervisie coaching mentoring training sessie
werkgroep bijeenkomst netwerkdag jaarcongres lunchlezing rondetafel expertmeeting
""".split()

WORDS = tuple(dict.fromkeys(COMMON + FIELD))
