"""The demo's conversations, from the trainers' everyday questions: forum topics (with who
replies, which answer the author accepts, who follows), questions and comments on a few
activities and workshops, and the one reply someone reported. People are named by the local
part of their demo e-mail address; themes by slug; pages by title."""

FORUM_SLUG = "entre-formateurs"
FORUM_TITLE = "Entre formateurs"
FORUM_INTRO = (
    "Le forum des formateurs internes et de l'équipe formation : posez vos questions de "
    "pratique, partagez ce qui marche en séance, demandez un support ou un retour d'expérience."
)

PEDAGOGY = "pedagogie-et-animation"
DIGITAL = "numerique-et-innovation"
OFFICE = "outils-bureautiques"
MANAGEMENT = "management"
RECEPTION = "accueil-du-public"
SUSTAINABILITY = "developpement-durable"
EXAMS = "preparation-aux-concours"
LAW = "actualite-juridique"

# title, theme, tags, author, days ago, opening text, replies [(author, text)], index of the
# accepted reply (or None), followers [(person, "immediate" | "daily")]
TOPICS = [
    (
        "Un brise-glace pour un groupe qui ne se connaît pas",
        PEDAGOGY,
        ["brise-glace", "présentiel"],
        "julien.roux",
        26,
        "Je démarre la semaine prochaine une formation « gestes et postures » avec douze agents "
        "de quatre services différents, qui ne se connaissent pas du tout. J'ai 8 h 30 et 2 "
        "heures en tout.\n\nQu'est-ce que vous utilisez pour briser la glace sans y passer "
        "vingt minutes ?",
        [
            (
                "nathalie.girard",
                "Le **bingo des collègues**, il est dans la bibliothèque ! Une grille de "
                "cases (« a déjà travaillé dans un autre service », « vient à vélo »…), chacun "
                "doit trouver un collègue par case. Dix minutes chrono, et tout le monde a parlé "
                "à tout le monde.",
            ),
            (
                "amina.diallo",
                "Moi je fais un photolangage rapide : chacun choisit une image qui représente "
                "son métier et la présente en une phrase. Ça marche très bien avec les agents de "
                "terrain, qui n'aiment pas trop les jeux.",
            ),
            (
                "sophie.lefevre",
                "Les deux sont bien. Pensez juste à relier le brise-glace au sujet : pour des "
                "gestes et postures, « montrez le geste que vous faites le plus souvent dans "
                "votre journée » fait un très bon point de départ.",
            ),
        ],
        0,
        [("hugo.bernard", "daily")],
    ),
    (
        "Garder l'attention en classe virtuelle au-delà d'une heure",
        DIGITAL,
        ["classe virtuelle", "distanciel"],
        "isabelle.petit",
        21,
        "Nous devons passer une formation de trois heures sur le nouveau logiciel de prêt en "
        "classe virtuelle. Au bout d'une heure, je sens que je perds la moitié du groupe "
        "(caméras coupées, silence total).\n\nComment faites-vous ?",
        [
            (
                "mehdi.saidi",
                "Trois règles qui marchent pour moi :\n- une interaction toutes les dix minutes "
                "(sondage, question dans le chat, annotation sur l'écran partagé) ;\n- une vraie "
                "pause de dix minutes toutes les heures ;\n- des exercices en sous-salles par "
                "deux, caméra allumée, avec une consigne écrite.",
            ),
            (
                "thomas.martin",
                "Et annoncez le déroulé au début, avec les heures de pause : les gens tiennent "
                "mieux quand ils savent quand ça s'arrête.",
            ),
            (
                "karim.benali",
                "Côté équipe formation, on peut aussi vous aider à découper en deux séances "
                "d'1 h 30 sur deux matinées. L'attention est bien meilleure et ça laisse le "
                "temps de pratiquer entre les deux.",
            ),
        ],
        0,
        [("nadia.chevalier", "immediate")],
    ),
    (
        "Évaluer à froid : vous faites comment ?",
        PEDAGOGY,
        ["évaluation", "impact"],
        "sophie.lefevre",
        19,
        "Nous avons de bons retours à chaud (85 % de satisfaits), mais on ne sait presque rien "
        "de ce qui change vraiment dans le travail trois mois après.\n\nQui a déjà mis en "
        "place une évaluation à froid, et avec quel taux de réponse ?",
        [
            (
                "claire.moreau",
                "Nous l'avons testé sur le parcours accueil : un questionnaire de cinq questions "
                "à trois mois, envoyé à l'agent **et** à son manager. 38 % de réponses, mais des "
                "réponses très concrètes. Le fait d'impliquer le manager change tout.",
            ),
            (
                "amina.diallo",
                "Moi je fixe un objectif en fin de séance (« d'ici un mois, je vais essayer… ») "
                "que chacun écrit sur une carte. Je renvoie la photo de la carte un mois après "
                "avec une seule question : alors ?",
            ),
            (
                "thomas.martin",
                "Attention à ne pas multiplier les questionnaires : nos agents en reçoivent déjà "
                "beaucoup. Un seul à froid, très court, c'est mieux que trois ignorés.",
            ),
        ],
        0,
        [("karim.benali", "daily")],
    ),
    (
        "Un inscrit sur quatre ne vient pas : vos astuces contre les absences",
        PEDAGOGY,
        ["absences", "inscriptions"],
        "karim.benali",
        17,
        "Sur les ateliers de l'an dernier, 25 % des inscrits ne sont pas venus, souvent sans "
        "prévenir. Les sessions sont dures à remplir et les agents en liste d'attente "
        "restent à la porte.\n\nQu'est-ce qui a marché chez vous ?",
        [
            (
                "nathalie.girard",
                "Le rappel la veille avec le lien de désinscription en un clic. Depuis qu'il "
                "existe, j'ai beaucoup moins d'absents : les gens se désinscrivent plutôt que de "
                "ne pas venir.",
            ),
            (
                "celine.garnier",
                "Côté managers : quand je valide une inscription, je bloque le créneau dans "
                "l'agenda de l'équipe. Sinon le planning reprend le dessus le jour même.",
            ),
            (
                "olivier.mercier",
                "Les absences, c'est surtout parce que certains ateliers ne valent pas le "
                "déplacement. Celui de la semaine dernière sur la messagerie, l'animateur lisait "
                "ses diapos pendant une heure, une vraie perte de temps, il ferait mieux de "
                "laisser sa place.",
            ),
        ],
        None,
        [("claire.moreau", "immediate")],
    ),
    (
        "Un atelier TRUC² de 45 minutes : trop court pour apprendre quelque chose ?",
        PEDAGOGY,
        ["TRUC²", "format court"],
        "fatima.haddad",
        15,
        "On m'a proposé d'animer un atelier sur l'accueil téléphonique sur la pause "
        "méridienne, en 45 minutes. J'ai peur de ne faire que survoler.",
        [
            (
                "nathalie.girard",
                "45 minutes, c'est parfait pour **un seul** objectif. Pour l'accueil "
                "téléphonique : « savoir reformuler la demande avant de transférer ». 10 minutes "
                "d'apport, 25 minutes d'appels simulés par deux, 10 minutes de retour. Et une "
                "fiche mémo à emporter.",
            ),
            (
                "julien.roux",
                "Pareil, mes ateliers de 45 minutes sont les plus suivis. Le secret, c'est de "
                "renoncer à tout dire.",
            ),
        ],
        0,
        [],
    ),
    (
        "Quel outil libre pour des quiz en séance ?",
        DIGITAL,
        ["quiz", "outils"],
        "thomas.martin",
        14,
        "Je cherche un outil pour faire des quiz interactifs en séance (sur téléphone), qui "
        "ne demande pas de compte aux participants et qui soit accepté par la DSI.",
        [
            (
                "mehdi.saidi",
                "La DSI a validé l'outil de sondage intégré à notre suite collaborative : il "
                "fonctionne sans compte pour les participants, avec un simple code. Je peux vous "
                "montrer en dix minutes si vous passez au support.",
            ),
            (
                "elodie.fontaine",
                "Et pour les groupes sans téléphone : des cartons de couleur A/B/C/D. Ça marche "
                "à tous les coups et c'est très sobre !",
            ),
        ],
        0,
        [],
    ),
    (
        "Animer pour un public qui n'a pas choisi d'être là",
        PEDAGOGY,
        ["formation obligatoire", "posture"],
        "olivier.mercier",
        12,
        "J'anime la formation obligatoire sur la sécurité des chantiers. Une partie du groupe "
        "vient à reculons et le fait savoir. Comment ne pas passer la séance à se justifier ?",
        [
            (
                "amina.diallo",
                "Je commence par le dire moi-même : « Je sais que vous n'avez pas choisi d'être "
                "là. » Puis je demande ce qui, dans leur travail, a déjà failli mal tourner. Ils "
                "ont tous une histoire, et la séance part de là.",
            ),
            (
                "pierre.blanc",
                "Faites intervenir un collègue de terrain qui a vécu un accident. Ça vaut tous "
                "les diaporamas.",
            ),
            (
                "sophie.lefevre",
                "Et gardez du temps pour leurs objections, dans un « parking » au tableau : on "
                "y répond à la fin, ça évite de couper le fil.",
            ),
        ],
        0,
        [],
    ),
    (
        "Réviser la note de synthèse en groupe : retours d'expérience",
        EXAMS,
        ["concours", "note de synthèse"],
        "marc.dubois",
        11,
        "Nous sommes quatre agents de l'état civil à préparer le concours de rédacteur. "
        "Est-ce que ça vaut le coup de réviser la note de synthèse à plusieurs ?",
        [
            (
                "karim.benali",
                "Oui ! Le plus efficace : chacun rédige seul en temps limité, puis vous corrigez "
                "les copies des autres avec la grille du jury. Vous apprendrez plus en "
                "corrigeant qu'en écrivant. L'atelier « La note de synthèse, pas à pas » donne "
                "la grille.",
            ),
            (
                "sandrine.faure",
                "Je l'ai eu l'an dernier en révisant comme ça. Gardez un rythme fixe, une note "
                "toutes les deux semaines, sinon le groupe s'essouffle.",
            ),
        ],
        0,
        [("sandrine.faure", "daily")],
    ),
    (
        "Sobriété numérique : un atelier de 30 minutes pour l'Éco'Truc² ?",
        SUSTAINABILITY,
        ["sobriété numérique", "Éco'Truc²"],
        "elodie.fontaine",
        10,
        "Pour la rencontre mensuelle développement durable, je voudrais proposer un atelier "
        "court sur la sobriété numérique (pièces jointes, stockage, impressions). Des idées "
        "d'activité qui ne soient pas une leçon de morale ?",
        [
            (
                "julien.roux",
                "Faites-les mesurer : chacun regarde la taille de sa boîte mail et de son "
                "dossier de téléchargements. Les chiffres parlent d'eux-mêmes.",
            ),
            (
                "isabelle.petit",
                "À la médiathèque, nous avons fait un défi d'équipe « un mois sans pièce jointe "
                "de plus de 5 Mo ». On partage les liens à la place. Je peux venir témoigner.",
            ),
        ],
        None,
        [("julien.roux", "daily")],
    ),
    (
        "Combien de temps pour préparer une heure d'animation ?",
        PEDAGOGY,
        ["préparation", "90 heures"],
        "hugo.bernard",
        9,
        "Mon manager me demande d'estimer mon temps de préparation pour un nouvel atelier. "
        "Je n'ai aucune idée : vous comptez combien d'heures de préparation pour une heure "
        "animée ?",
        [
            (
                "nathalie.girard",
                "Pour un atelier nouveau, je compte trois heures de préparation par heure "
                "animée. Pour une reprise, une demi-heure suffit.",
            ),
            (
                "thomas.martin",
                "Un peu plus si vous partez de zéro. D'où l'intérêt de partir d'une activité de "
                "la bibliothèque et de l'adapter.",
            ),
            (
                "claire.moreau",
                "Bon réflexe d'en parler avec votre manager. Rappel : les 90 heures par an "
                "incluent la préparation. Comptez 1 pour 3 la première fois, 1 pour 1 ensuite, "
                "et ajustez après votre première session.",
            ),
        ],
        2,
        [],
    ),
    (
        "Accueillir un collègue en situation de handicap dans un atelier",
        RECEPTION,
        ["accessibilité", "handicap"],
        "nadia.chevalier",
        8,
        "Une collègue malvoyante s'est inscrite à mon atelier sur le publipostage. Je veux "
        "bien faire : qu'est-ce que je dois prévoir ?",
        [
            (
                "sophie.lefevre",
                "Le plus simple : lui demander avant la séance ce dont elle a besoin. Ensuite :\n"
                "- des supports accessibles envoyés à l'avance (styles de titres, texte "
                "alternatif sur les images) ;\n- décrire à voix haute ce que vous montrez à "
                "l'écran ;\n- vérifier que son poste a son logiciel de lecture d'écran. "
                "L'équipe formation peut vous aider pour le matériel.",
            ),
            (
                "celine.garnier",
                "Et pensez à l'atelier « Produire des documents accessibles » : il m'a beaucoup "
                "servi.",
            ),
        ],
        0,
        [],
    ),
    (
        "Le débat mouvant en visio, c'est possible ?",
        PEDAGOGY,
        ["classe virtuelle", "débat mouvant"],
        "amina.diallo",
        6,
        "J'adore le débat mouvant en salle, mais une partie de mon groupe sera à distance le "
        "mois prochain. Quelqu'un a déjà essayé de l'adapter ?",
        [
            (
                "mehdi.saidi",
                "Oui, avec un tableau blanc partagé coupé en deux (« d'accord » / « pas "
                "d'accord ») : chacun déplace son prénom. Ça marche, mais prévoyez un essai "
                "technique au début.",
            ),
            (
                "isabelle.petit",
                "En hybride, j'ai fait voter tout le monde par le chat, y compris ceux en "
                "salle, pour que personne ne soit mis de côté.",
            ),
        ],
        None,
        [("hugo.bernard", "immediate")],
    ),
    (
        "Former les nouveaux managers à l'entretien annuel : jeu de rôle ou étude de cas ?",
        MANAGEMENT,
        ["entretien professionnel", "managers"],
        "celine.garnier",
        5,
        "Pour la communauté des managers, on prépare une séance sur l'entretien professionnel "
        "annuel. Les jeux de rôle mettent certains très mal à l'aise. Une étude de cas "
        "suffirait-elle ?",
        [
            (
                "thomas.martin",
                "Le jeu de rôle reste ce qui prépare le mieux, mais par trois : un manager, un "
                "agent, un observateur avec une grille. Personne ne joue devant toute la salle, "
                "et l'observateur apprend autant que les autres.",
            ),
            (
                "claire.moreau",
                "Vous pouvez commencer par l'étude de cas pour rassurer, puis passer au jeu de "
                "rôle sur la partie la plus délicate : annoncer un objectif non atteint.",
            ),
        ],
        0,
        [],
    ),
    (
        "Protection sociale complémentaire : quelqu'un a un support à jour ?",
        LAW,
        ["réforme", "support"],
        "lucas.robert",
        3,
        "On me demande souvent ce qui change pour la prévoyance et la mutuelle avec la "
        "réforme. Quelqu'un a-t-il un support récent, relu par la DRH, pour une présentation "
        "de 20 minutes ?",
        [],
        None,
        [],
    ),
    (
        "Un jeu de données d'exercice qui parle aux collègues ?",
        OFFICE,
        ["tableur", "jeu de données"],
        "aurelie.lambert",
        4,
        "Pour l'atelier sur les tableaux croisés dynamiques, j'utilise encore un fichier de "
        "ventes de vélos trouvé en ligne. Les collègues décrochent : ça ne leur parle pas.",
        [
            (
                "nathalie.girard",
                "J'utilise un budget de service fictif : dépenses par nature, par mois et par "
                "service. Tout le monde comprend tout de suite, et les finances adorent. Je "
                "vous l'envoie.",
            ),
            (
                "thomas.martin",
                "Attention à bien anonymiser si vous partez de vraies données, même anciennes.",
            ),
        ],
        0,
        [],
    ),
    (
        "Co-animer en binôme : comment se répartir les rôles ?",
        PEDAGOGY,
        ["co-animation", "binôme"],
        "sandrine.faure",
        2,
        "Je vais co-animer pour la première fois avec une collègue. Comment vous organisez-vous "
        "pour ne pas vous marcher dessus ?",
        [
            (
                "hugo.bernard",
                "On se répartit par séquence : l'un anime, l'autre observe le groupe, gère le "
                "temps et note les questions. On échange les rôles à chaque séquence. Et on "
                "prend dix minutes de débrief juste après.",
            ),
            (
                "nathalie.girard",
                "Mettez-vous d'accord sur un signe discret pour « on dépasse le temps ». Ça "
                "évite bien des regards paniqués !",
            ),
            (
                "julien.roux",
                "Et présentez-vous comme un binôme dès le début : le groupe comprend qu'il "
                "peut s'adresser à l'un ou à l'autre.",
            ),
        ],
        0,
        [("sandrine.faure", "daily")],
    ),
    (
        "Vos idées pour clôturer une séance en moins de cinq minutes",
        PEDAGOGY,
        ["clôture", "évaluation à chaud"],
        "isabelle.petit",
        1,
        "Je finis toujours en retard et je bâcle la fin. Vous avez des rituels de clôture "
        "rapides ?",
        [
            (
                "amina.diallo",
                "La roue de l'évaluation à chaud : chacun place une gommette sur trois axes "
                "(utile, clair, rythme) en sortant. Deux minutes, et on a une photo du groupe.",
            ),
        ],
        None,
        [],
    ),
]

# The reply that a colleague reported: (topic title, index of the reply, reporter, reason,
# details).
REPORTED = (
    "Un inscrit sur quatre ne vient pas : vos astuces contre les absences",
    2,
    "mehdi.saidi",
    "abuse",
    "Ce message vise un collègue reconnaissable plutôt que de parler des absences. Je "
    "préfère que l'équipe formation regarde.",
)

# Questions and comments on content: page title, kind, author, days ago, opening text,
# replies [(author, text, marked helpful by a host)].
CONTENT_THREADS = [
    (
        "Le bingo des collègues",
        "question",
        "marc.dubois",
        13,
        "Est-ce que ça fonctionne avec un groupe de 25 personnes ? J'ai peur que ça devienne "
        "le chaos.",
        [
            (
                "julien.roux",
                "Je l'ai fait avec 24 : deux grilles différentes et deux moitiés de salle. Ça "
                "reste animé, mais ça tient en dix minutes.",
                True,
            ),
        ],
    ),
    (
        "Photolangage : ce que la formation évoque pour moi",
        "question",
        "celine.garnier",
        9,
        "Où trouvez-vous des images libres de droits pour constituer le jeu de cartes ?",
        [
            (
                "isabelle.petit",
                "La médiathèque a un fonds de cartes postales numérisées dans le domaine "
                "public : passez nous voir, on vous en imprime une cinquantaine.",
                True,
            ),
        ],
    ),
    (
        "Le débat mouvant",
        "comment",
        "hugo.bernard",
        7,
        "Testé avec des éducateurs sportifs juste après le déjeuner : idéal pour remettre "
        "tout le monde en mouvement !",
        [],
    ),
    (
        "Réussir sa visioconférence",
        "question",
        "fatima.haddad",
        6,
        "Faut-il une webcam pour participer ? Mon poste à l'accueil n'en a pas.",
        [
            (
                "aurelie.lambert",
                "J'y étais le mois dernier : un casque avec micro suffit pour suivre, la "
                "caméra n'est utile que pour l'exercice final, qu'on peut faire à deux sur "
                "un même poste.",
                True,
            ),
        ],
    ),
    (
        "Prendre la parole en public sans trac",
        "question",
        "sandrine.faure",
        4,
        "Est-ce que cet atelier est adapté pour préparer l'oral d'un concours ?",
        [
            (
                "sophie.lefevre",
                "En partie : il travaille la voix, la posture et la gestion du stress. Pour "
                "l'oral lui-même, complétez avec « Préparer l'oral d'un concours ».",
                False,
            ),
        ],
    ),
    (
        "Écrire en langage clair",
        "comment",
        "lucas.robert",
        3,
        "Très utile : nous avons réécrit nos courriers de relance aux fournisseurs avec la "
        "méthode, et les appels au service ont nettement baissé.",
        [],
    ),
]
