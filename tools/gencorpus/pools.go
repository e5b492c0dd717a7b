// Copy of the shared benchmark corpus generator; see main.go.

package main

// Text pools used to build realistic French job offers. Placeholders:
// {emp} employer, {ville} place, {dir} direction, {poste} job title (lower case),
// {n} small number, {N} larger number, {k} count of services.

type place struct {
	Name string
	CP   string // postal code
}

var ncPlaces = []place{
	{"Nouméa", "98800"}, {"Dumbéa", "98835"}, {"Mont-Dore", "98809"}, {"Païta", "98890"},
	{"Bourail", "98870"}, {"La Foa", "98880"}, {"Boulouparis", "98812"}, {"Thio", "98829"},
	{"Yaté", "98834"}, {"Île des Pins", "98832"}, {"Farino", "98881"}, {"Moindou", "98819"},
	{"Sarraméa", "98882"}, {"Kouaoua", "98818"}, {"Canala", "98813"}, {"Houaïlou", "98816"},
	{"Ponérihouen", "98823"}, {"Poindimié", "98822"}, {"Touho", "98831"}, {"Hienghène", "98815"},
	{"Pouébo", "98824"}, {"Ouégoa", "98821"}, {"Poum", "98826"}, {"Koumac", "98850"},
	{"Kaala-Gomen", "98817"}, {"Voh", "98833"}, {"Koné", "98860"}, {"Pouembout", "98825"},
	{"Poya", "98827"}, {"Belep", "98811"}, {"Lifou", "98820"}, {"Maré", "98828"}, {"Ouvéa", "98814"},
}

var metroPlaces = []place{
	{"Tours", "37000"}, {"Orléans", "45000"}, {"Blois", "41000"}, {"Angers", "49000"}, {"Nantes", "44000"},
	{"Rennes", "35000"}, {"Brest", "29200"}, {"Quimper", "29000"}, {"Lorient", "56100"}, {"Vannes", "56000"},
	{"Caen", "14000"}, {"Rouen", "76000"}, {"Amiens", "80000"}, {"Lille", "59000"}, {"Roubaix", "59100"},
	{"Tourcoing", "59200"}, {"Arras", "62000"}, {"Calais", "62100"}, {"Reims", "51100"}, {"Troyes", "10000"},
	{"Metz", "57000"}, {"Nancy", "54000"}, {"Strasbourg", "67000"}, {"Colmar", "68000"}, {"Mulhouse", "68100"},
	{"Besançon", "25000"}, {"Dijon", "21000"}, {"Auxerre", "89000"}, {"Nevers", "58000"}, {"Bourges", "18000"},
	{"Châteauroux", "36000"}, {"Poitiers", "86000"}, {"Niort", "79000"}, {"Angoulême", "16000"}, {"Limoges", "87000"},
	{"Périgueux", "24000"}, {"Bordeaux", "33000"}, {"Mérignac", "33700"}, {"Pessac", "33600"}, {"Bayonne", "64100"},
	{"Pau", "64000"}, {"Tarbes", "65000"}, {"Toulouse", "31000"}, {"Montauban", "82000"}, {"Albi", "81000"},
	{"Castres", "81100"}, {"Rodez", "12000"}, {"Cahors", "46000"}, {"Agen", "47000"}, {"Auch", "32000"},
	{"Perpignan", "66000"}, {"Narbonne", "11100"}, {"Carcassonne", "11000"}, {"Béziers", "34500"}, {"Montpellier", "34000"},
	{"Sète", "34200"}, {"Nîmes", "30000"}, {"Alès", "30100"}, {"Avignon", "84000"}, {"Arles", "13200"},
	{"Marseille", "13000"}, {"Aix-en-Provence", "13100"}, {"Toulon", "83000"}, {"Hyères", "83400"}, {"Fréjus", "83600"},
	{"Cannes", "06400"}, {"Antibes", "06600"}, {"Nice", "06000"}, {"Grasse", "06130"}, {"Gap", "05000"},
	{"Digne-les-Bains", "04000"}, {"Grenoble", "38000"}, {"Vienne", "38200"}, {"Valence", "26000"}, {"Chambéry", "73000"},
	{"Annecy", "74000"}, {"Lyon", "69000"}, {"Villeurbanne", "69100"}, {"Vénissieux", "69200"}, {"Saint-Étienne", "42000"},
	{"Roanne", "42300"}, {"Clermont-Ferrand", "63000"}, {"Vichy", "03200"}, {"Moulins", "03000"}, {"Montluçon", "03100"},
	{"Aurillac", "15000"}, {"Montélimar", "26200"}, {"Bourg-en-Bresse", "01000"}, {"Mâcon", "71000"}, {"Chalon-sur-Saône", "71100"},
	{"Saint-Nazaire", "44600"}, {"Cholet", "49300"}, {"Laval", "53000"}, {"Saint-Malo", "35400"}, {"Saint-Brieuc", "22000"},
	{"Lannion", "22300"}, {"Cherbourg-en-Cotentin", "50100"}, {"Alençon", "61000"}, {"Évreux", "27000"}, {"Chartres", "28000"},
	{"Dreux", "28100"}, {"Versailles", "78000"}, {"Nanterre", "92000"}, {"Montreuil", "93100"}, {"Saint-Denis", "93200"},
	{"Créteil", "94000"}, {"Vitry-sur-Seine", "94400"}, {"Argenteuil", "95100"}, {"Cergy", "95000"}, {"Évry-Courcouronnes", "91000"},
	{"Meaux", "77100"}, {"Melun", "77000"}, {"Beauvais", "60000"}, {"Compiègne", "60200"}, {"Soissons", "02200"},
	{"Laon", "02000"}, {"Charleville-Mézières", "08000"}, {"Épinal", "88000"}, {"Belfort", "90000"}, {"Vesoul", "70000"},
	{"Lons-le-Saunier", "39000"}, {"La Rochelle", "17000"}, {"Saintes", "17100"}, {"Royan", "17200"}, {"Rochefort", "17300"},
	{"Mont-de-Marsan", "40000"}, {"Dax", "40100"}, {"Biarritz", "64200"}, {"Ajaccio", "20000"}, {"Bastia", "20200"},
}

var fixedNCEmployers = []string{
	"Mairie de Nouméa", "Province Sud", "Province Nord", "Province des Îles Loyauté",
	"Commune de POUM", "Gouvernement de la Nouvelle-Calédonie", "Congrès de la Nouvelle-Calédonie",
	"Syndicat intercommunal du Grand Nouméa", "Agence sanitaire et sociale de la Nouvelle-Calédonie",
}

// single-place templates; %s is "de X" / "d’X"
var singleTemplatesA = []string{"Mairie %s", "Commune %s", "Commune %S", "Ville %s", "CCAS %s", "Caisse des écoles %s", "Centre communal d’action sociale %s"}
var singleTemplatesB = []string{"Mairie %s", "Ville %s", "Commune %s", "CCAS %s", "Communauté d’agglomération %s", "Centre de gestion %s", "Office de tourisme %s"}
var pairTemplates = []string{
	"Syndicat intercommunal à vocation multiple %s et %q", "Syndicat intercommunal des eaux %s et %q",
	"Communauté de communes %s et %q", "SIVOM %s et %q", "Syndicat mixte %s et %q",
}

var streets = []string{
	"rue des Minimes", "place de l’Hôtel de Ville", "avenue de la République", "boulevard Jean Jaurès",
	"rue Victor Hugo", "place du Général de Gaulle", "rue de la Mairie", "avenue du Maréchal Foch",
	"rue Nationale", "esplanade Charles de Gaulle", "rue Pasteur", "cours Gambetta", "place de la Libération",
}

var titles = []string{
	"Référent de secteur", "Chargé de mission performance de l’action publique", "Secrétaire général",
	"Chargé de la gestion des commissions", "Agent d’accueil", "Gestionnaire des ressources humaines",
	"Responsable du service des finances", "Technicien voirie et réseaux divers", "Agent d’entretien des espaces verts",
	"Éducateur de jeunes enfants", "Auxiliaire de puériculture", "Policier municipal", "Chef de projet informatique",
	"Juriste marchés publics", "Comptable", "Assistant de direction", "Animateur périscolaire", "Bibliothécaire",
	"Chargé de communication", "Ingénieur en génie civil", "Directeur des services techniques",
	"Agent de collecte des déchets", "Mécanicien poids lourds", "Électricien du bâtiment", "Plombier chauffagiste",
	"Cuisinier en restauration collective", "Agent de médiation", "Travailleur social", "Infirmier de santé publique",
	"Médecin de prévention", "Conseiller en insertion professionnelle", "Chargé d’urbanisme",
	"Instructeur des autorisations du droit des sols", "Archiviste", "Responsable de la commande publique",
	"Contrôleur de gestion", "Gestionnaire paie et carrière", "Chef d’équipe bâtiment",
	"Agent polyvalent des services techniques", "Chargé de mission développement durable", "Coordonnateur jeunesse",
	"Maître-nageur sauveteur", "Régisseur son et lumière", "Chargé des affaires culturelles", "Développeur web",
	"Administrateur systèmes et réseaux", "Officier d’état civil", "Agent de surveillance de la voie publique",
	"Chef de service de l’eau et de l’assainissement", "Dessinateur projeteur", "Géomètre topographe",
	"Chargé de prévention des risques professionnels", "Assistant administratif", "Responsable du patrimoine bâti",
	"Chargé du logement social", "Agent de propreté urbaine", "Responsable de crèche",
	"Directeur de centre de loisirs", "Chargé de mission politique de la ville", "Référent Gestion Urbaine et Sociale de Proximité",
}

var corps = []string{
	"attaché", "Attaché", "Rédacteur", "Ingénieur 2ème grade / économie rurale ou équipement ou Attaché",
	"Adjoint administratif", "Technicien supérieur", "Agent de maîtrise", "Adjoint technique", "Ingénieur",
	"Animateur", "Éducateur de jeunes enfants", "Auxiliaire de puériculture", "Agent de police municipale",
	"Assistant de conservation", "Conseiller socio-éducatif", "Infirmier", "Rédacteur / Attaché",
	"Technicien / administration générale", "Adjoint technique / bâtiment",
}

var directions = []string{
	"politique de la Ville", "Secrétariat Général", "Direction des ressources humaines", "Direction des finances",
	"Direction des services techniques", "Direction de l'Emploi et du Logement", "Direction de la culture",
	"Direction de l’enfance et de la jeunesse", "Direction de l’aménagement", "Direction des systèmes d’information",
	"Direction de la sécurité civile", "Direction de l’environnement", "Direction des sports",
	"Direction de la cohésion sociale", "Direction de l’eau et de l’assainissement", "Direction de la commande publique",
}

var services = []string{
	"service vie de la cité", "service du développement de la proximité", "service des affaires générales",
	"service de l’état civil", "service des marchés publics", "service de la paie", "service de la voirie",
	"service des espaces verts", "service informatique", "service de la petite enfance", "service des archives",
	"service de la communication", "service du patrimoine", "service de la propreté urbaine",
}

var introSentences = []string{
	"{Emp} et ses {N} collaborateurs sont engagés quotidiennement au service des habitants de {ville}.",
	"Ils œuvrent au développement du territoire avec plus de {n0} équipements et services en lien avec les nombreux domaines de compétence dévolus à la collectivité.",
	"Placée sous l’autorité du directeur général des services, la {dir} a pour mission principale de mettre en œuvre les orientations fixées par l’exécutif.",
	"Au sein de cette direction, le service est composé de {n} agents et travaille en lien étroit avec les autres directions de la collectivité.",
	"Il est chargé notamment de renforcer le lien social entre les habitants, de structurer et développer la démocratie participative, et d’améliorer la vie et les relations dans et entre les quartiers.",
	"La collectivité conduit un programme ambitieux de modernisation de ses services publics et de ses équipements.",
	"Le secrétariat général assure l’interface privilégiée entre l’exécutif et l’administration, et garantit la bonne exécution des décisions par les services.",
	"Dans un contexte de transformation numérique, la collectivité souhaite renforcer ses équipes afin d’améliorer la qualité du service rendu aux usagers.",
	"Le territoire de {ville} connaît une croissance démographique soutenue qui appelle un renforcement des moyens humains et techniques.",
	"La {dir} pilote les projets structurants du mandat et veille à leur cohérence avec le plan pluriannuel d’investissement.",
	"Le poste est rattaché au chef de service et s’inscrit dans une équipe pluridisciplinaire de {n} personnes.",
	"La collectivité est engagée dans une démarche de qualité de vie au travail et de prévention des risques psychosociaux.",
	"Le ou la candidat(e) retenu(e) sera recruté(e) sous contrat à durée déterminée d’un an minimum avec possibilité de renouvellement.",
	"Les agents bénéficient d’un plan de formation ambitieux et d’un accompagnement personnalisé lors de leur prise de poste.",
	"Le service accueille chaque année près de {N} usagers et traite plus de {n0} dossiers.",
	"Dans le cadre de la réorganisation de ses services, {emp} recrute un(e) {poste}.",
	"Le poste est à pourvoir par voie statutaire ou, à défaut, par voie contractuelle.",
	"La direction porte également les actions de coopération avec les partenaires institutionnels et associatifs du territoire.",
	"Elle est composée d’un pôle administratif et budgétaire et de plusieurs services opérationnels.",
	"Les équipes interviennent sur l’ensemble du territoire communal, y compris dans les tribus et les quartiers périphériques.",
	"Le cadre de travail est agréable, au sein de locaux récemment rénovés et accessibles en transports en commun.",
	"La collectivité met en œuvre une politique volontariste en matière d’égalité professionnelle et de diversité.",
}

var missionIntros = []string{
	"Sous l’autorité du chef de service, le {poste} a pour principales missions :",
	"Placé sous l'autorité directe du directeur, l’agent devra notamment :",
	"A ce titre, l'agent retenu sera chargé en activités principales :",
	"Il a pour principales missions :",
	"Vos missions seront les suivantes :",
	"Sous la responsabilité de la {dir}, vous serez chargé(e) de :",
}

var missionItems = []string{
	"Diagnostiquer les territoires et identifier les problématiques",
	"Observer, échanger et identifier les besoins des usagers ;",
	"Apporter de la plus-value analytique et synthétique via une vision globale et transversale ;",
	"Relayer les attentes et propositions des habitants et partenaires auprès des services",
	"Favoriser l’aide à la décision en alertant, en proposant et en préconisant ;",
	"Proposer la modernisation du fonctionnement global de l’administration",
	"Évaluer et redéfinir les services à l’usager et renégocier avec les prestataires",
	"Améliorer le suivi des prestataires externes",
	"Développer une culture de la performance et de l’évaluation",
	"Mettre en œuvre des plans d’actions correctives après évaluation",
	"préparer les séances des différentes instances (élaborer les plannings, réserver les salles, rédiger les invitations),",
	"mettre à jour les bases de données servant à la rédaction des rapports d’activité,",
	"Assurer le suivi administratif et budgétaire des opérations",
	"Rédiger les pièces techniques des marchés publics et analyser les offres",
	"Planifier et contrôler les interventions des entreprises sur les chantiers",
	"Accueillir, informer et orienter le public physiquement et par téléphone",
	"Gérer les agendas, le courrier et les dossiers de la direction",
	"Élaborer et exécuter le budget du service en lien avec la direction des finances",
	"Encadrer et animer une équipe de {n} agents",
	"Participer à la définition du projet global de la collectivité",
	"Assurer une veille juridique et réglementaire dans son domaine d’intervention",
	"Concevoir et animer des ateliers de concertation avec les habitants",
	"Entretenir les espaces verts, les massifs et les aires de jeux",
	"Réaliser les opérations de maintenance préventive et curative des équipements",
	"Suivre l’exécution des contrats de délégation de service public",
	"Préparer les délibérations et les arrêtés soumis à l’exécutif",
	"Assurer la gestion des carrières, de la paie et des absences des agents",
	"Accompagner les usagers dans leurs démarches administratives en ligne",
	"Organiser la réponse de la collectivité aux sollicitations des partenaires",
	"Structurer, organiser et animer des instances de participation dont les conseils de quartier",
	"Contribuer à la sécurité et à la tranquillité publiques lors des manifestations",
	"Tenir à jour les tableaux de bord et produire les indicateurs d’activité",
	"Assurer la coordination avec les services de l’État et de la province",
	"Participer aux astreintes techniques selon le planning établi",
	"Rédiger des notes, des comptes rendus de réunions et des fiches actions",
	"Piloter les projets de dématérialisation des procédures",
	"Contrôler la conformité des installations et des autorisations d’urbanisme",
	"Mettre en place des outils de suivi en lien avec les référents de territoire",
	"Assurer l’accueil et l’encadrement des enfants lors des temps périscolaires",
	"Préparer et servir les repas dans le respect des règles d’hygiène HACCP",
}

var missionSubItems = []string{
	"Comprendre les enjeux des quartiers ;", "Faciliter la médiation entre les services et les habitants ;",
	"Aider à l’appropriation des politiques publiques ;", "S’appuyer sur la démocratie participative.",
	"Proposer des outils de dialogue et de concertation", "Suivi de la convention et des relations avec les partenaires",
	"Préparer les comités de pilotage", "Centraliser les informations dans un dossier partagé de suivi",
}

var knowledgeItems = []string{
	"Diplôme de niveau 6 ou 7 (licence, master, diplôme d’ingénieur)", "Licence ou Master",
	"Connaissance de l’administration communale et des institutions de la Nouvelle-Calédonie",
	"Connaissance du statut de la fonction publique territoriale", "Cadre réglementaire et juridique des actes administratifs",
	"Maîtrise des règles de la commande publique", "Connaissance des règles budgétaires et comptables (M14, M57)",
	"Expérience souhaitée de {n} ans sur un poste similaire", "Permis B exigé",
	"Connaissance des politiques publiques et du fonctionnement des collectivités territoriales",
	"Techniques de communication et de négociation", "Méthodologie rédactionnelle, d’analyse et de synthèse",
	"Connaissance des techniques d’entretien des espaces verts", "Habilitation électrique souhaitée",
	"CAP petite enfance ou diplôme d’État d’auxiliaire de puériculture",
}

var skillItems = []string{
	"Maîtrise des outils bureautiques (traitement de texte, tableur, messagerie)", "Savoir conduire un projet et travailler en transversalité",
	"Savoir rédiger des documents administratifs", "Savoir animer une réunion et conduire une concertation",
	"Capacité à prioriser et à gérer les urgences", "Savoir analyser un besoin et proposer des solutions adaptées",
	"Maîtrise des logiciels métiers (Ciril, Berger-Levrault, AutoCAD)", "Capacité à encadrer et à motiver une équipe",
	"Savoir élaborer et suivre un budget", "Utiliser les outils de planification et de suivi de chantier",
}

var qualityItems = []string{
	"Rigueur, organisation et méthode", "Sens du service public", "Discrétion et respect de la confidentialité",
	"Autonomie, réactivité, gestion du stress", "Aptitudes relationnelles et au travail partenarial",
	"Esprit d’équipe et sens de l’écoute", "Disponibilité et adaptabilité", "Capacité d’initiative",
	"Diplomatie et pédagogie", "Loyauté envers la hiérarchie et les élus",
}

var characteristicSentences = []string{
	"Emploi sous contrat à durée déterminée.", "Respect strict de la confidentialité des informations traitées.",
	"Horaires variables en fonction des nécessités de service, réunions ponctuelles en soirée.",
	"Déplacements fréquents sur l’ensemble du territoire, véhicule de service mis à disposition.",
	"Port des équipements de protection individuelle obligatoire.", "Participation aux astreintes de week-end par roulement.",
	"Travail en bureau et sur le terrain.", "Poste à temps complet, 39 heures hebdomadaires avec jours de RTT.",
	"Télétravail possible un jour par semaine après la période d’intégration.",
}

var conditionSentences = []string{
	"Rémunération statutaire, régime indemnitaire, prime de fin d’année.",
	"Participation de l’employeur à la protection sociale complémentaire et aux titres-restaurant.",
	"Accès au comité des œuvres sociales et à un plan de formation individualisé.",
	"Poste à pourvoir idéalement dès que possible, après la période de préavis du candidat retenu.",
	"Les entretiens de recrutement se dérouleront dans les trois semaines suivant la date limite de candidature.",
}

var applySentences = []string{
	"Les candidatures (lettre de motivation, curriculum vitae, copie des diplômes et dernier arrêté de situation administrative) sont à adresser à {emp}, à l’attention du service des ressources humaines.",
	"Les dossiers de candidature peuvent être déposés en ligne sur le portail emploi de la collectivité ou envoyés par courriel à recrutement@{slugville}.nc.",
	"Pour tout renseignement complémentaire, s’adresser à la direction des ressources humaines au {tel}.",
	"Seules les candidatures complètes seront examinées. Les candidats présélectionnés seront convoqués à un entretien.",
	"Conformément au principe d’égalité d’accès à l’emploi public, cet emploi est ouvert à tous les candidats remplissant les conditions statutaires requises.",
}

var familles = []string{
	"Habitat et politique de la ville > Politique de la ville", "Affaires générales > Accueil et état civil",
	"Finances > Gestion budgétaire et comptable", "Ressources humaines > Gestion des carrières et de la paie",
	"Espaces verts et paysage > Entretien des espaces verts", "Voirie et réseaux divers > Travaux et maintenance",
	"Systèmes d’information et TIC > Infrastructures et réseaux", "Enfance, famille > Petite enfance",
	"Culture > Lecture publique", "Prévention et sécurité > Police municipale", "Restauration collective > Production culinaire",
}

var typesEmploi = []string{"Emploi permanent - vacance d'emploi", "Emploi permanent - création d'emploi", "Emploi temporaire - remplacement d'un agent absent"}
var motifs = []string{"Poste créé suite à un nouveau besoin", "Départ à la retraite", "Mutation externe", "Fin de contrat", "Disponibilité"}
var tempsTravail = []string{"Temps complet, 1607 heures annuelles", "Temps complet", "Temps non complet, 28 heures hebdomadaires", "Temps non complet, 17h30 hebdomadaires"}
var contractuels = []string{
	"Oui, à titre dérogatoire par rapport aux candidatures de fonctionnaires (Art. L332-14 du code général de la fonction publique)",
	"Non", "Oui, à titre dérogatoire par rapport aux candidatures de fonctionnaires (Art. L332-8 disposition 2° du code général de la fonction publique)",
}
var handiPara = "Conformément au principe d'égalité d'accès à l'emploi public, cet emploi est ouvert à tous les candidats remplissant les conditions statutaires requises, définies par le code général de la fonction publique. À titre dérogatoire, les candidats bénéficiant d'une reconnaissance de qualité de travailleur handicapé peuvent accéder à cet emploi par voie contractuelle."
