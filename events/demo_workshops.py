"""Demo data of the workshops and exchange events: an agent-to-agent school, as TRUC² runs it.

Plain data, read by ``events.demo``. People are named by the local part of their e-mail
(``nathalie.girard`` for nathalie.girard@atelier.example); themes by their name in
``resources.demo.THEMES``; library activities by their title in ``resources.demo_activities``.

A session is ``(days from today, start time, place, people registered)`` with an optional dict
of particulars: ``capacity`` (else the event's), ``cancelled`` (after people registered),
``cancellations`` (how many confirmed people then cancelled, freeing their seat for the first
person waiting), ``opens_in`` (registration opens in so many days), ``deadline`` (registration
closes so many days before the start). More people registered than seats: the rest wait.
Negative days are sessions that took place. A session falling on a weekend moves to a weekday.
"""

# (name, slug, description, colour): colours contrast at least 4.5:1 with white (tested).
SERIES = [
    (
        "Un truc² en +",
        "un-truc-en-plus",
        "Des ateliers pratiques d'une heure ou deux sur les outils bureautiques et les astuces "
        "du quotidien, animés par des collègues qui les utilisent tous les jours.",
        "#1f5fa8",
    ),
    (
        "Ac'Truc²",
        "ac-truc",
        "Des conférences sur l'actualité juridique et l'innovation publique, avec des "
        "intervenants de la collectivité et parfois d'ailleurs, suivies de questions.",
        "#9c2a5a",
    ),
    (
        "Prépa'Truc²",
        "prepa-truc",
        "La préparation aux concours et examens professionnels par des agents qui les ont "
        "réussis : méthode des épreuves écrites, entraînement à l'oral.",
        "#a33c00",
    ),
    (
        "Eco'Truc²",
        "eco-truc",
        "Le rendez-vous mensuel du développement durable, le premier jeudi du mois à midi, et "
        "des ateliers pour changer nos pratiques au bureau comme sur le terrain.",
        "#2e6b30",
    ),
    (
        "Communauté des managers",
        "communaute-des-managers",
        "Entre encadrants de tous les services : partager ses difficultés, ses outils et ses "
        "réussites, et s'entraîner aux situations délicates du management.",
        "#5b3f99",
    ),
]

# (first name, last name, e-mail local part, service, job title): agents who come to the
# workshops and sometimes run one, in addition to the accounts of community/demo.py.
EXTRA_AGENTS = [
    ("Aurélie", "Lambert", "aurelie.lambert", "Direction des finances", "Gestionnaire comptable"),
    (
        "Mehdi",
        "Saïdi",
        "mehdi.saidi",
        "Direction des systèmes d'information",
        "Technicien support utilisateurs",
    ),
    (
        "Sandrine",
        "Faure",
        "sandrine.faure",
        "Direction de l'urbanisme",
        "Instructrice des autorisations d'urbanisme",
    ),
    (
        "Olivier",
        "Mercier",
        "olivier.mercier",
        "Direction de l'espace public",
        "Agent de maîtrise voirie",
    ),
    (
        "Nadia",
        "Chevalier",
        "nadia.chevalier",
        "Direction de l'éducation",
        "Assistante administrative",
    ),
    ("Pierre", "Blanc", "pierre.blanc", "Police municipale", "Brigadier-chef principal"),
    (
        "Camille",
        "Perrin",
        "camille.perrin",
        "Direction de la communication",
        "Chargée de communication numérique",
    ),
    ("Yannick", "Morel", "yannick.morel", "Direction des bâtiments", "Technicien bâtiment"),
    (
        "Laetitia",
        "Rousseau",
        "laetitia.rousseau",
        "Centre communal d'action sociale",
        "Conseillère en économie sociale et familiale",
    ),
    (
        "Samir",
        "Belkacem",
        "samir.belkacem",
        "Direction des sports",
        "Gestionnaire des équipements sportifs",
    ),
    ("Valérie", "Henry", "valerie.henry", "Direction des affaires juridiques", "Juriste"),
    (
        "Antoine",
        "Gauthier",
        "antoine.gauthier",
        "Direction des ressources humaines",
        "Gestionnaire carrière et paie",
    ),
]

PLACES = {
    "moulin": "Salle Jean Moulin, hôtel de ville, 1 place de la Mairie",
    "conseil": "Salle du conseil municipal, hôtel de ville, 1 place de la Mairie",
    "info": "Salle informatique 2, centre administratif, 12 rue des Tanneurs",
    "tanneurs": "Salle de réunion du 3e étage, centre administratif, 12 rue des Tanneurs",
    "gouges": "Salle Olympe de Gouges, maison des associations, 5 avenue de la République",
    "mediatheque": "Auditorium de la médiathèque Louise-Michel, 18 rue Victor-Hugo",
    "ctm": "Salle de formation, centre technique municipal, 40 chemin des Carrières",
}
ONLINE_URL = "https://visio.atelier.example/{slug}-{date:%Y%m%d}"

# The sessions of the Eco'Truc² meetup: every first Thursday, from three months ago to four
# months ahead; people registered to each.
MONTHLY_MEETUP_SLUG = "rencontre-mensuelle-eco-truc"
MONTHLY_MEETUP_MONTHS = range(-3, 5)
MONTHLY_MEETUP_REGISTERED = [17, 21, 19, 14, 9, 6, 3, 2]

WORKSHOPS = [
    # Un truc² en + : bureautique et astuces
    {
        "title": "Les tableaux croisés dynamiques sur tableur",
        "series": "un-truc-en-plus",
        "summary": "Résumer un tableau de mille lignes en trois clics, sans formule.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Préparer ses données pour un tableau croisé dynamique",
            "Construire un tableau croisé et changer d'axe d'analyse",
            "Filtrer, grouper par mois et créer un graphique croisé",
        ],
        "description": "On part d'un vrai fichier : les demandes d'intervention de l'année. "
        "Chacun construit son tableau sur son poste, pas à pas, puis l'adapte à un fichier "
        "de son service apporté sur une clé ou dans son espace partagé.",
        "audience": "Tout agent qui manipule des listes ou des tableaux de suivi",
        "prerequisites": "Savoir saisir et trier des données dans un tableur",
        "duration": 90,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["nathalie.girard", "aurelie.lambert"],
        "activities": ["Tableau croisé dynamique en 30 minutes"],
        "sessions": [
            (-47, "09:30", "info", 10),
            (-12, "14:00", "info", 9),
            (9, "09:30", "info", 14, {"cancellations": 1, "deadline": 2}),
            (37, "14:00", "info", 4),
        ],
    },
    {
        "title": "Le publipostage : des convocations en un clic",
        "series": "un-truc-en-plus",
        "summary": "Produire cent courriers personnalisés à partir d'une liste, sans "
        "copier-coller.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Relier un modèle de lettre à une liste de destinataires",
            "Insérer des champs et des conditions simples",
            "Produire les courriers, les étiquettes ou les courriels",
        ],
        "description": "Le cas de l'atelier : les convocations au conseil d'école. Chacun repart "
        "avec son modèle prêt à servir et une fiche mémo des cinq étapes.",
        "audience": "Assistants, secrétaires, gestionnaires qui envoient des courriers en nombre",
        "prerequisites": "Utiliser un traitement de texte au quotidien",
        "duration": 90,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["nadia.chevalier", "nathalie.girard"],
        "activities": ["Publipostage : les convocations en 45 minutes"],
        "proposed_by": "nadia.chevalier",
        "sessions": [
            (-33, "09:30", "info", 8),
            (14, "09:30", "info", 5),
            (42, "14:00", "info", 2),
        ],
    },
    {
        "title": "Gérer sa boîte mail sans s'y noyer",
        "series": "un-truc-en-plus",
        "summary": "Des règles, des dossiers et des drapeaux pour revenir à une boîte de réception "
        "presque vide.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Trier automatiquement avec des règles de messagerie",
            "Traiter un message en une fois : répondre, déléguer, classer ou supprimer",
            "Retrouver un message en quelques secondes",
        ],
        "description": "Un atelier sur son propre poste et sa propre boîte : on repart avec "
        "trois règles en place et une méthode pour les jours de retour de congés.",
        "audience": "Tout agent qui reçoit plus de trente courriels par jour",
        "prerequisites": "Avoir une adresse de messagerie professionnelle",
        "duration": 90,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["mehdi.saidi"],
        "activities": ["Module e-learning « messagerie et agenda partagés »"],
        "sessions": [
            (-26, "14:00", "info", 10),
            (16, "09:30", "info", 7),
        ],
    },
    {
        "title": "Réussir sa visioconférence",
        "series": "un-truc-en-plus",
        "summary": "Son, image, partage d'écran et petits rituels pour des réunions à distance "
        "qui ne fatiguent pas.",
        "themes": ["Outils bureautiques", "Numérique et innovation"],
        "objectives": [
            "Régler son micro, sa caméra et son arrière-plan",
            "Partager une fenêtre plutôt que tout son écran",
            "Faire participer avec le chat, les réactions et les sondages",
        ],
        "description": "À distance, pour s'entraîner dans les conditions réelles : chacun "
        "anime deux minutes de réunion et reçoit les conseils du groupe.",
        "audience": "Tout agent qui participe à des réunions à distance ou en anime",
        "prerequisites": "Un poste avec micro et caméra, ou un casque",
        "duration": 60,
        "format": "remote",
        "capacity": 12,
        "facilitators": ["mehdi.saidi"],
        "activities": ["La météo d'entrée en classe virtuelle", "Quiz de fin de séance en visio"],
        "sessions": [
            (-40, "12:15", None, 12),
            (-5, "12:15", None, 11),
            (10, "12:15", None, 6, {"cancelled": True}),
            (24, "12:15", None, 3),
        ],
    },
    {
        "title": "Les raccourcis clavier qui font gagner du temps",
        "series": "un-truc-en-plus",
        "summary": "Vingt raccourcis pour ne plus chercher dans les menus, à essayer tout de "
        "suite.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Connaître les raccourcis communs à toutes les applications",
            "Naviguer entre fenêtres et onglets sans la souris",
            "Se construire son aide-mémoire personnel",
        ],
        "description": "Le format midi : une heure, son sandwich et son ordinateur portable. "
        "Chaque raccourci est essayé aussitôt sur un exercice.",
        "audience": "Tout agent",
        "prerequisites": "",
        "duration": 60,
        "format": "face_to_face",
        "capacity": 14,
        "facilitators": ["nathalie.girard", "samir.belkacem"],
        "activities": [],
        "sessions": [
            (-19, "12:15", "moulin", 13),
            (21, "12:15", "moulin", 6),
        ],
    },
    {
        "title": "Mettre en forme un long document avec les styles",
        "series": "un-truc-en-plus",
        "summary": "Titres, sommaire automatique et numérotation : un rapport de quarante pages "
        "qui se met en forme tout seul.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Appliquer et modifier les styles de titres",
            "Générer et mettre à jour un sommaire",
            "Gérer les sauts de section, les en-têtes et la numérotation",
        ],
        "description": "Chacun apporte un document de son service (rapport, règlement, guide) "
        "et repart avec sa version structurée.",
        "audience": "Agents qui rédigent des rapports, des guides ou des règlements",
        "prerequisites": "Utiliser un traitement de texte au quotidien",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["nathalie.girard", "camille.perrin"],
        "activities": ["Mettre en forme un long document avec les styles"],
        "sessions": [
            (-54, "14:00", "info", 9),
            (28, "14:00", "info", 3),
        ],
    },
    {
        "title": "Produire des documents accessibles",
        "series": "un-truc-en-plus",
        "summary": "Des documents lisibles par tous, y compris avec un lecteur d'écran.",
        "themes": ["Outils bureautiques", "Numérique et innovation"],
        "objectives": [
            "Structurer un document avec de vrais titres et de vraies listes",
            "Rédiger des alternatives aux images et des liens explicites",
            "Vérifier l'accessibilité avant d'exporter en PDF",
        ],
        "description": "Avec la démonstration d'un lecteur d'écran par une collègue qui "
        "l'utilise au quotidien : on comprend vite pourquoi chaque règle compte.",
        "audience": "Agents qui publient des documents pour le public ou les collègues",
        "prerequisites": "Avoir suivi « Mettre en forme un long document avec les styles » "
        "ou maîtriser les styles",
        "duration": 120,
        "format": "hybrid",
        "capacity": 12,
        "facilitators": ["camille.perrin"],
        "activities": ["Produire des documents bureautiques accessibles"],
        "sessions": [
            (-15, "09:30", "tanneurs", 11),
            (44, "09:30", "tanneurs", 0, {"opens_in": 14}),
        ],
    },
    {
        "title": "Organiser son agenda partagé",
        "series": "un-truc-en-plus",
        "summary": "Trouver un créneau commun à six personnes en deux minutes et protéger ses "
        "temps de travail.",
        "themes": ["Outils bureautiques"],
        "objectives": [
            "Partager son agenda et déléguer sa gestion",
            "Utiliser l'assistant de planification",
            "Réserver une salle et du matériel",
        ],
        "description": "Pour les agents et leurs assistants : les réglages de délégation se "
        "font en binôme pendant l'atelier.",
        "audience": "Encadrants, assistants de direction, chefs de projet",
        "prerequisites": "Avoir un agenda professionnel",
        "duration": 60,
        "format": "remote",
        "capacity": 15,
        "facilitators": ["karim.benali", "mehdi.saidi"],
        "activities": ["Module e-learning « messagerie et agenda partagés »"],
        "sessions": [
            (-8, "12:15", None, 12),
            (30, "12:15", None, 4),
        ],
    },
    {
        "title": "Écrire en langage clair",
        "series": "un-truc-en-plus",
        "summary": "Des courriers que les usagers comprennent du premier coup.",
        "themes": ["Accueil du public"],
        "objectives": [
            "Repérer ce qui rend un courrier administratif difficile à lire",
            "Appliquer les dix règles du langage clair",
            "Réécrire un de ses propres courriers types",
        ],
        "description": "Nous partons de vrais courriers de la collectivité (anonymisés). "
        "Chacun apporte un courrier type de son service, que le groupe aide à réécrire.",
        "audience": "Agents qui écrivent aux usagers : accueil, état civil, action sociale, "
        "urbanisme",
        "prerequisites": "",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["fatima.haddad", "amina.diallo"],
        "activities": ["Langage clair : exercices de réécriture de courriers"],
        "proposed_by": "fatima.haddad",
        "sessions": [
            (-61, "09:00", "moulin", 12),
            (-20, "09:00", "moulin", 12),
            (18, "09:00", "moulin", 8),
            (53, "09:00", "moulin", 1),
        ],
    },
    {
        "title": "Prendre la parole en public sans trac",
        "series": "un-truc-en-plus",
        "summary": "Respiration, posture et structure : présenter un projet en réunion avec "
        "assurance.",
        "themes": ["Pédagogie et animation"],
        "objectives": [
            "Gérer son stress avant et pendant l'intervention",
            "Construire un message en trois idées",
            "Utiliser sa voix, son regard et les silences",
        ],
        "description": "Un éducateur sportif pour la respiration, une ingénieure pédagogique "
        "pour la structure : chacun passe deux fois devant le groupe, filmé s'il le souhaite.",
        "audience": "Tout agent amené à présenter un projet, une réunion ou un bilan",
        "prerequisites": "",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 8,
        "facilitators": ["hugo.bernard", "sophie.lefevre"],
        "activities": ["Le « pitch » de 2 minutes devant le jury"],
        "sessions": [
            (-29, "14:00", "gouges", 8),
            (23, "09:00", "gouges", 6),
        ],
    },
    {
        "title": "Accueil téléphonique : les bons réflexes",
        "series": "un-truc-en-plus",
        "summary": "Décrocher, écouter, orienter : un appel bien pris est un usager qui ne "
        "rappelle pas.",
        "themes": ["Accueil du public"],
        "objectives": [
            "Se présenter et reformuler la demande",
            "Mettre en attente et transférer sans perdre l'appel",
            "Prendre un message complet",
        ],
        "description": "Des appels simulés, tirés des situations réelles de l'accueil de "
        "l'hôtel de ville, joués en binôme et débriefés en groupe.",
        "audience": "Agents d'accueil et tout agent qui répond au téléphone d'un service",
        "prerequisites": "",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["fatima.haddad"],
        "activities": ["Accueil téléphonique : les appels simulés"],
        "sessions": [
            (-36, "14:00", "moulin", 9),
            (35, "14:00", "moulin", 3),
        ],
    },
    {
        "title": "Désamorcer les incivilités au guichet",
        "series": "un-truc-en-plus",
        "summary": "Garder son calme et faire baisser la tension face à un usager mécontent.",
        "themes": ["Accueil du public"],
        "objectives": [
            "Reconnaître les signes d'une montée de tension",
            "Utiliser l'écoute active et la reformulation",
            "Savoir quand et comment passer le relais, et signaler l'incident",
        ],
        "description": "Mises en situation jouées, avec le regard d'un policier municipal et "
        "d'une travailleuse sociale sur ce qui apaise et ce qui envenime.",
        "audience": "Agents en contact avec le public",
        "prerequisites": "",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["amina.diallo", "pierre.blanc"],
        "activities": ["Gérer les incivilités au guichet", "Le jeu de l'accueil difficile"],
        "sessions": [
            (-43, "09:00", "gouges", 10),
            (12, "09:00", "gouges", 10),
            (49, "09:00", "gouges", 2),
        ],
    },
    {
        "title": "Le RGPD au quotidien : escape game",
        "series": "un-truc-en-plus",
        "summary": "Une heure pour retrouver l'origine d'une fuite de données, et les bons "
        "gestes pour l'éviter.",
        "themes": ["Numérique et innovation", "Actualité juridique"],
        "objectives": [
            "Reconnaître une donnée personnelle et une donnée sensible",
            "Appliquer les bons gestes : partage, mots de passe, impression",
            "Savoir à qui signaler une violation de données",
        ],
        "description": "Par équipes de quatre, on fouille un bureau reconstitué. La juriste et "
        "le délégué à la protection des données débriefent chaque indice.",
        "audience": "Tout agent",
        "prerequisites": "",
        "duration": 90,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["valerie.henry", "mehdi.saidi"],
        "activities": [
            "Escape game RGPD : la fuite de données",
            "Les bases du RGPD pour les agents en e-learning",
        ],
        "sessions": [
            (-22, "14:00", "tanneurs", 12),
            (20, "14:00", "tanneurs", 7),
        ],
    },
    # Prépa'Truc² : concours et examens
    {
        "title": "Préparer l'oral d'un concours",
        "series": "prepa-truc",
        "summary": "Se présenter en cinq minutes et répondre au jury avec méthode.",
        "themes": ["Préparation aux concours"],
        "objectives": [
            "Construire une présentation de son parcours en cinq minutes",
            "Anticiper les questions de motivation et de mise en situation",
            "S'entraîner devant un jury blanc et recevoir un retour",
        ],
        "description": "Un jury blanc composé d'agents lauréats du concours et d'une conseillère "
        "formation. Chacun passe une fois, tous profitent des retours.",
        "audience": "Agents inscrits à un concours ou un examen professionnel de catégorie B ou C",
        "prerequisites": "Être admissible ou préparer un concours de la session en cours",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 8,
        "facilitators": ["antoine.gauthier", "sophie.lefevre"],
        "activities": [
            "Préparation à l'oral du concours : le jury blanc",
            "Le « pitch » de 2 minutes devant le jury",
        ],
        "sessions": [
            (-50, "14:00", "tanneurs", 8),
            (-16, "14:00", "tanneurs", 7),
            (26, "14:00", "tanneurs", 10, {"deadline": 7}),
        ],
    },
    {
        "title": "La note de synthèse, pas à pas",
        "series": "prepa-truc",
        "summary": "Lire vite un dossier de trente pages et en tirer une note claire en trois "
        "heures.",
        "themes": ["Préparation aux concours"],
        "objectives": [
            "Trier les documents d'un dossier et repérer l'essentiel",
            "Bâtir un plan en deux parties",
            "Rédiger une introduction et des transitions",
        ],
        "description": "Sur un dossier d'annales corrigé : lecture guidée, plan en groupe, "
        "rédaction individuelle d'une partie, puis comparaison avec la note du lauréat.",
        "audience": "Agents qui préparent un concours de catégorie B ou A",
        "prerequisites": "",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["valerie.henry"],
        "activities": ["Note de synthèse : la méthode pas à pas"],
        "sessions": [
            (-57, "09:00", "conseil", 12),
            (-9, "09:00", "conseil", 11),
            (31, "09:00", "conseil", 5),
        ],
    },
    {
        "title": "Réviser le statut de la fonction publique",
        "series": "prepa-truc",
        "summary": "Droits et obligations, carrière, positions : le statut en une carte mentale.",
        "themes": ["Préparation aux concours", "Actualité juridique"],
        "objectives": [
            "Situer les grandes réformes de la fonction publique",
            "Mémoriser les droits et obligations des agents",
            "Construire sa carte mentale de révision",
        ],
        "description": "Une frise des réformes construite ensemble, puis une carte mentale "
        "que chacun complète et garde pour ses révisions.",
        "audience": "Agents qui préparent un concours ou un examen professionnel",
        "prerequisites": "",
        "duration": 120,
        "format": "hybrid",
        "capacity": 16,
        "facilitators": ["karim.benali"],
        "activities": [
            "La carte mentale pour réviser le statut",
            "La ligne du temps des réformes de la fonction publique",
        ],
        "sessions": [
            (-30, "14:00", "conseil", 14),
            (33, "14:00", "conseil", 6),
        ],
    },
    {
        "title": "Faire le point avant de s'inscrire à un concours",
        "series": "prepa-truc",
        "summary": "Quel concours, quelles épreuves, quel calendrier : un quiz et un échange "
        "pour choisir.",
        "themes": ["Préparation aux concours"],
        "objectives": [
            "Connaître les concours et examens accessibles selon son grade",
            "Évaluer ses points forts avec un quiz de positionnement",
            "Bâtir son calendrier de préparation",
        ],
        "description": "À distance, à l'heure du déjeuner, avec un gestionnaire carrière qui "
        "répond aux questions sur l'avancement et la promotion interne.",
        "audience": "Agents qui envisagent un concours ou un examen professionnel",
        "prerequisites": "",
        "duration": 60,
        "format": "remote",
        "capacity": 20,
        "facilitators": ["antoine.gauthier"],
        "activities": ["Quiz de positionnement avant le concours"],
        "sessions": [
            (-13, "12:15", None, 16),
            (39, "12:15", None, 5),
        ],
    },
    {
        "title": "Le rapport avec propositions opérationnelles",
        "series": "prepa-truc",
        "summary": "L'épreuve reine des concours d'encadrement : analyser, proposer, chiffrer.",
        "themes": ["Préparation aux concours", "Management"],
        "objectives": [
            "Distinguer la note de synthèse du rapport avec propositions",
            "Formuler des propositions réalistes et hiérarchisées",
            "Gérer ses quatre heures d'épreuve",
        ],
        "description": "Une juriste et un contrôleur de gestion, tous deux lauréats, "
        "partagent leur méthode sur un sujet d'annales.",
        "audience": "Agents qui préparent un concours de catégorie A",
        "prerequisites": "Avoir suivi « La note de synthèse, pas à pas » ou l'équivalent",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["valerie.henry", "thomas.martin"],
        "activities": [],
        "sessions": [
            (-64, "09:00", "conseil", 9),
            (46, "09:00", "conseil", 3),
        ],
    },
    # Communauté des managers
    {
        "title": "Conduire l'entretien professionnel annuel",
        "series": "communaute-des-managers",
        "summary": "Préparer, mener et rédiger un entretien utile pour l'agent comme pour le "
        "service.",
        "themes": ["Management"],
        "objectives": [
            "Préparer l'entretien avec l'agent et ses objectifs de l'année",
            "Mener un échange équilibré, y compris sur un désaccord",
            "Rédiger un compte rendu factuel et des objectifs mesurables",
        ],
        "description": "Jeux de rôle en trio (manager, agent, observateur) sur des situations "
        "fréquentes, avant la campagne d'entretiens de janvier.",
        "audience": "Encadrants qui mènent des entretiens professionnels",
        "prerequisites": "",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["claire.moreau", "thomas.martin"],
        "activities": ["Le jeu de rôle de l'entretien professionnel annuel"],
        "sessions": [
            (-6, "09:00", "tanneurs", 12),
            (7, "09:00", "tanneurs", 11),
            (15, "14:00", "tanneurs", 6),
        ],
    },
    {
        "title": "Déléguer sans se défausser",
        "series": "communaute-des-managers",
        "summary": "Confier une mission, donner les moyens et suivre sans tout reprendre.",
        "themes": ["Management"],
        "objectives": [
            "Choisir quoi déléguer et à qui",
            "Formuler une délégation claire avec la matrice",
            "Organiser le suivi et le retour",
        ],
        "description": "Chacun part d'une tâche réelle qu'il voudrait déléguer et repart avec "
        "sa matrice de délégation remplie.",
        "audience": "Encadrants de proximité et cadres intermédiaires",
        "prerequisites": "",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["thomas.martin"],
        "activities": ["Déléguer sans se défausser : la matrice de délégation"],
        "sessions": [
            (-27, "14:00", "tanneurs", 8),
            (40, "14:00", "tanneurs", 2),
        ],
    },
    {
        "title": "Donner un feedback constructif",
        "series": "communaute-des-managers",
        "summary": "Dire ce qui ne va pas et ce qui va bien, sans blesser ni édulcorer.",
        "themes": ["Management"],
        "objectives": [
            "Structurer un retour avec la méthode DESC",
            "Reconnaître le travail bien fait de façon précise",
            "Recevoir soi-même une critique",
        ],
        "description": "Une directrice de crèche et une ingénieure pédagogique animent des "
        "mises en situation inspirées du quotidien des équipes.",
        "audience": "Encadrants et référents d'équipe",
        "prerequisites": "",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 10,
        "facilitators": ["celine.garnier", "sophie.lefevre"],
        "activities": ["Le feedback constructif avec la méthode DESC"],
        "sessions": [
            (-41, "14:00", "gouges", 10),
            (22, "14:00", "gouges", 5),
        ],
    },
    {
        "title": "Animer une réunion courte et efficace",
        "series": "communaute-des-managers",
        "summary": "Trente minutes, un ordre du jour, des décisions notées : la réunion qui sert.",
        "themes": ["Management", "Pédagogie et animation"],
        "objectives": [
            "Préparer un ordre du jour orienté décisions",
            "Distribuer les rôles : animateur, gardien du temps, secrétaire",
            "Clore avec un relevé de décisions partagé",
        ],
        "description": "Une réunion simulée, puis rejouée après débriefing : la différence se "
        "voit au chronomètre.",
        "audience": "Toute personne qui anime des réunions d'équipe",
        "prerequisites": "",
        "duration": 90,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["julien.roux"],
        "activities": ["Conduire une réunion courte et efficace"],
        "sessions": [
            (-34, "09:30", "ctm", 11),
            (27, "09:30", "ctm", 4),
        ],
    },
    # Eco'Truc² : développement durable
    {
        "title": "Les écogestes numériques au bureau",
        "series": "eco-truc",
        "summary": "Mesurer l'empreinte de son poste de travail et la réduire sans perdre de "
        "temps.",
        "themes": ["Développement durable", "Numérique et innovation"],
        "objectives": [
            "Estimer l'empreinte carbone de son poste et de ses usages",
            "Alléger sa messagerie et ses espaces partagés",
            "Choisir trois écogestes et les tenir",
        ],
        "description": "Le bilan carbone de son poste en direct, puis un grand ménage "
        "numérique collectif, chronomètre en main.",
        "audience": "Tout agent",
        "prerequisites": "",
        "duration": 90,
        "format": "hybrid",
        "capacity": 14,
        "facilitators": ["elodie.fontaine", "yannick.morel"],
        "activities": [
            "Éco'Truc² : le bilan carbone de mon poste numérique",
            "Les écogestes au bureau en e-learning",
        ],
        "sessions": [
            (-24, "14:00", "tanneurs", 13),
            (29, "14:00", "tanneurs", 6),
        ],
    },
    {
        "title": "Acheter responsable : les clauses environnementales",
        "series": "eco-truc",
        "summary": "Rédiger des critères environnementaux solides dans un marché public.",
        "themes": ["Développement durable", "Actualité juridique"],
        "objectives": [
            "Connaître les obligations issues de la loi Climat et résilience",
            "Rédiger une clause et un critère d'attribution environnementaux",
            "Vérifier leur respect pendant l'exécution du marché",
        ],
        "description": "Un acheteur public et une chargée de mission transition écologique "
        "reprennent le marché de fournitures de bureau de la collectivité.",
        "audience": "Acheteurs, prescripteurs et gestionnaires de marchés",
        "prerequisites": "Connaître les étapes d'une procédure de marché public",
        "duration": 180,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["lucas.robert", "elodie.fontaine"],
        "activities": [
            "Étude de cas : un marché de fournitures de bureau responsable",
        ],
        "sessions": [
            (-48, "09:00", "conseil", 10),
            (34, "09:00", "conseil", 4),
        ],
    },
    {
        "title": "Réduire les déchets du service",
        "series": "eco-truc",
        "summary": "Du tri au réemploi : un plan d'action concret pour son équipe.",
        "themes": ["Développement durable"],
        "objectives": [
            "Connaître les filières de tri de la collectivité",
            "Repérer les déchets évitables de son service",
            "Construire un plan d'action à trois mois",
        ],
        "description": "Le jeu des déchets pour se mettre d'accord sur le tri, puis un plan "
        "d'action à partir de la matrice de la communauté des managers.",
        "audience": "Agents et encadrants, en particulier des services techniques",
        "prerequisites": "",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 12,
        "facilitators": ["olivier.mercier", "elodie.fontaine"],
        "activities": ["Le jeu des déchets", "Modèle de plan d'action"],
        "proposed_by": "olivier.mercier",
        "sessions": [
            (-18, "09:30", "ctm", 12),
            (43, "09:30", "ctm", 3),
        ],
    },
]

EXCHANGES = [
    {
        "title": "Communauté de pratique des formateurs internes",
        "kind": "community",
        "series": None,
        "summary": "Toutes les six semaines, les formateurs internes partagent leurs "
        "réussites, leurs ratés et leurs outils.",
        "themes": ["Pédagogie et animation"],
        "description": "Un tour de table éclair, puis un formateur présente une activité "
        "qu'il a testée et le groupe l'améliore. Ouverte à tout agent qui anime ou voudrait "
        "animer un atelier.",
        "audience": "Formateurs internes et agents qui souhaitent le devenir",
        "prerequisites": "",
        "duration": 90,
        "format": "hybrid",
        "capacity": 25,
        "speakers": "",
        "facilitators": ["sophie.lefevre", "nathalie.girard"],
        "activities": ["Le speed-dating pédagogique", "Construire son déroulé pédagogique"],
        "sessions": [
            (-53, "12:15", "gouges", 17),
            (-11, "12:15", "gouges", 19),
            (30, "12:15", "gouges", 9),
            (72, "12:15", "gouges", 2),
        ],
    },
    {
        "title": "Ac'Truc² : la réforme de la protection sociale complémentaire",
        "kind": "conference",
        "series": "ac-truc",
        "summary": "Mutuelle et prévoyance : ce que la réforme change pour les agents et leur "
        "employeur.",
        "themes": ["Actualité juridique"],
        "description": "La participation de l'employeur à la complémentaire santé et à la "
        "prévoyance devient obligatoire. Qui est couvert, pour combien, et que faire de son "
        "contrat actuel ? Une heure d'exposé, une demi-heure de questions.",
        "audience": "Tout agent, encadrants et gestionnaires RH en particulier",
        "prerequisites": "",
        "duration": 90,
        "format": "hybrid",
        "capacity": 80,
        "speakers": "Hélène Marchand, juriste statutaire au centre de gestion de la fonction "
        "publique territoriale",
        "facilitators": ["antoine.gauthier"],
        "activities": ["Conférence flash Ac'Truc² avec questions en direct"],
        "sessions": [
            (-38, "12:15", "conseil", 22),
            (19, "12:15", "conseil", 12),
        ],
    },
    {
        "title": "Ac'Truc² : l'innovation publique, retours du laboratoire territorial",
        "kind": "conference",
        "series": "ac-truc",
        "summary": "Design de service et expérimentations : ce que d'autres collectivités ont "
        "essayé, réussi et abandonné.",
        "themes": ["Numérique et innovation"],
        "description": "Trois projets racontés par l'équipe du laboratoire d'innovation "
        "publique de la région : un guichet repensé avec les usagers, un formulaire simplifié, "
        "une démarche d'achat innovant.",
        "audience": "Tout agent curieux de nouvelles façons de faire",
        "prerequisites": "",
        "duration": 90,
        "format": "hybrid",
        "capacity": 60,
        "speakers": "Julie Perret et Mathieu Caron, laboratoire régional d'innovation publique",
        "facilitators": ["karim.benali"],
        "activities": ["Les six chapeaux de Bono pour examiner un projet"],
        "sessions": [
            (-25, "14:00", "mediatheque", 21),
            (47, "14:00", "mediatheque", 5),
        ],
    },
    {
        "title": "Ac'Truc² : l'intelligence artificielle dans nos services",
        "kind": "conference",
        "series": "ac-truc",
        "summary": "Ce que permettent les outils d'IA générative, ce qu'ils ne doivent pas "
        "faire, et ce que dit le droit.",
        "themes": ["Numérique et innovation", "Actualité juridique"],
        "description": "Démonstrations sur des cas concrets (courriers, comptes rendus, "
        "recherche documentaire), précautions sur les données personnelles et le secret "
        "professionnel, et la charte d'usage de la collectivité.",
        "audience": "Tout agent",
        "prerequisites": "",
        "duration": 90,
        "format": "hybrid",
        "capacity": 80,
        "speakers": "Claire Vasseur, maîtresse de conférences en droit du numérique",
        "facilitators": ["valerie.henry", "mehdi.saidi"],
        "activities": [],
        "sessions": [
            (-4, "12:15", "conseil", 23),
            (36, "12:15", "conseil", 18),
        ],
    },
    {
        "title": "Rencontre mensuelle Eco'Truc²",
        "slug": MONTHLY_MEETUP_SLUG,
        "kind": "meetup",
        "series": "eco-truc",
        "summary": "Le premier jeudi du mois à midi : une idée, un retour d'expérience et un "
        "défi pour le mois.",
        "themes": ["Développement durable"],
        "description": "Chaque mois un sujet : sobriété énergétique des bâtiments, mobilité "
        "domicile-travail, réemploi du mobilier, alimentation de la restauration collective. "
        "Apportez votre déjeuner, le café est offert.",
        "audience": "Tout agent",
        "prerequisites": "",
        "duration": 75,
        "format": "hybrid",
        "capacity": 30,
        "speakers": "",
        "facilitators": ["elodie.fontaine", "yannick.morel"],
        "activities": [
            "La fresque du climat adaptée aux services municipaux",
            "Le jeu des déchets",
        ],
        "sessions": [],  # every first Thursday: see MONTHLY_MEETUP_MONTHS
    },
    {
        "title": "Communauté des managers : la rencontre trimestrielle",
        "kind": "community",
        "series": "communaute-des-managers",
        "summary": "Entre encadrants : un cas apporté par l'un d'entre nous, travaillé en "
        "co-développement.",
        "themes": ["Management"],
        "description": "Un encadrant expose une situation qui lui pose question ; le groupe "
        "l'interroge, propose des pistes, et il repart avec son plan d'action. Confidentialité "
        "de rigueur.",
        "audience": "Encadrants de tous les services et de tous les niveaux",
        "prerequisites": "",
        "duration": 120,
        "format": "face_to_face",
        "capacity": 16,
        "speakers": "",
        "facilitators": ["claire.moreau", "celine.garnier"],
        "activities": ["Co-développement entre managers"],
        "sessions": [
            (-70, "14:00", "moulin", 14),
            (25, "14:00", "moulin", 8),
        ],
    },
    {
        "title": "Prépa'Truc² : les lauréats racontent",
        "kind": "meetup",
        "series": "prepa-truc",
        "summary": "Des collègues reçus l'an dernier racontent leur préparation, leurs erreurs "
        "et leurs astuces.",
        "themes": ["Préparation aux concours"],
        "description": "Un petit-déjeuner pour lancer la saison des concours : comment "
        "s'organiser avec son travail et sa famille, les ressources qui ont servi, l'oral "
        "vu de l'intérieur.",
        "audience": "Agents qui préparent ou envisagent un concours",
        "prerequisites": "",
        "duration": 75,
        "format": "face_to_face",
        "capacity": 30,
        "speakers": "",
        "facilitators": ["antoine.gauthier", "marc.dubois"],
        "activities": ["Le défi quotidien de révision Prépa'Truc²"],
        "sessions": [
            (-45, "08:45", "mediatheque", 18),
            (38, "08:45", "mediatheque", 7),
        ],
    },
]

# After a session: the roll call and the questionnaires. No-shows vary by series (a conference
# open to all loses more people than an exam preparation one signed up for); the rates are
# drawn around these, session by session. Events outside any series use DEFAULT_NO_SHOW_RATE.
NO_SHOW_RATES = {
    "un-truc-en-plus": 0.22,
    "ac-truc": 0.27,
    "prepa-truc": 0.16,
    "eco-truc": 0.24,
    "communaute-des-managers": 0.19,
}
DEFAULT_NO_SHOW_RATE = 0.21
FEEDBACK_ANSWER_RATE = 0.42  # TRUC² measured 41.6 %
FOLLOWUP_ANSWER_RATE = 0.35
FOLLOWUP_AFTER_DAYS = 42  # six weeks
# (value, weight): most people are satisfied and say they gained useful skills (85 % at TRUC²).
RATINGS = [(5, 48), (4, 37), (3, 11), (2, 4)]
USEFUL_SKILLS = [("yes", 52), ("rather_yes", 33), ("rather_no", 11), ("no", 4)]
APPLIED = [("yes", 42), ("partly", 31), ("not_yet", 19), ("no", 8)]

FEEDBACK_COMMENTS = [
    "Très concret, avec des exemples tirés de notre quotidien.",
    "Le format court est idéal, on repart avec une astuce utilisable dès demain.",
    "Merci à l'animatrice, très claire et disponible pour les questions.",
    "Un peu rapide sur la fin, j'aurais aimé plus de temps pour pratiquer.",
    "Bonne ambiance, on apprend aussi beaucoup des questions des collègues.",
    "Le support remis à la fin est précieux.",
    "La salle était un peu petite pour le nombre de participants.",
    "J'aurais aimé un deuxième temps pour approfondir.",
]
WILL_APPLY = {
    "un-truc-en-plus": [
        "Les raccourcis clavier pour mes tableaux de suivi.",
        "Le publipostage pour les courriers aux usagers.",
        "Ranger mes fichiers partagés avec une arborescence commune.",
    ],
    "ac-truc": [
        "Vérifier les nouvelles règles avant de répondre aux usagers.",
        "Partager la synthèse avec mon équipe en réunion de service.",
    ],
    "prepa-truc": [
        "La méthode du plan en deux parties pour la note de synthèse.",
        "M'entraîner à l'oral avec un chronomètre.",
    ],
    "eco-truc": [
        "Éteindre les écrans et imprimer moins dans le service.",
        "Proposer le covoiturage pour les déplacements sur les chantiers.",
    ],
    "communaute-des-managers": [
        "Préparer mes entretiens annuels avec la grille vue ensemble.",
        "Instaurer un point d'équipe court chaque lundi.",
    ],
}
FOLLOWUP_COMMENTS = [
    "Je l'utilise chaque semaine, un vrai gain de temps.",
    "J'ai montré la méthode à deux collègues du service.",
    "Pas encore eu l'occasion, mais c'est prévu pour la prochaine campagne.",
    "Difficile à mettre en place sans l'accord de ma hiérarchie.",
]
