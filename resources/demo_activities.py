"""The demo library's activities: real methods trainers in the seeds use."""

# title, summary, (duration min, max), (group min, max), modality, level, kind, theme slugs,
# objectives, steps as (title, minutes, instructions)
ACTIVITIES = [
    (
        "Le bingo des collègues",
        "Un brise-glace où chacun cherche dans le groupe qui correspond à chaque case.",
        (10, 20),
        (8, 30),
        "face_to_face",
        "discovery",
        "ice_breaker",
        ["pedagogie-et-animation"],
        ["Faire connaissance rapidement", "Mettre le groupe en mouvement"],
        [
            (
                "Distribuer les grilles",
                2,
                "Chaque participant reçoit une grille de 16 cases "
                "(« a déjà animé une formation », « travaille dans un autre bâtiment »…).",
            ),
            ("Chercher", 10, "Chacun circule et fait signer une case par un collègue différent."),
            ("Débriefer", 5, "Faire raconter deux ou trois découvertes surprenantes."),
        ],
    ),
    (
        "Analyse SWOT d'un projet de service",
        "Forces, faiblesses, opportunités et menaces d'un projet, en sous-groupes.",
        (45, 90),
        (6, 20),
        "face_to_face",
        "intermediate",
        "analysis_tool",
        ["management", "pedagogie-et-animation"],
        ["Partager un diagnostic", "Préparer un plan d'action"],
        [
            ("Présenter la matrice", 5, "Afficher la matrice en quatre cadrans et un exemple."),
            ("Remplir en sous-groupes", 25, "Chaque sous-groupe remplit un cadran sur post-it."),
            ("Mettre en commun", 20, "Tour des cadrans, regroupement des idées proches."),
            ("Prioriser", 10, "Chacun vote pour trois éléments avec des gommettes."),
        ],
    ),
    (
        "Modèle de plan d'action",
        "Transformer les idées d'un atelier en actions datées, avec un responsable chacune.",
        (30, 60),
        (3, 15),
        "blended",
        "intermediate",
        "analysis_tool",
        ["management"],
        ["Passer du diagnostic à l'action", "Clarifier qui fait quoi et quand"],
        [
            ("Lister les actions", 10, "Partir des priorités issues du diagnostic."),
            ("Remplir le tableau", 20, "Action, responsable, échéance, indicateur de réussite."),
            ("Valider", 10, "Relire ensemble et fixer la date du point d'étape."),
        ],
    ),
    (
        "Tableau croisé dynamique en 30 minutes",
        "Un atelier « Un truc² en + » pour résumer un tableau de données sans formule.",
        (30, 45),
        (4, 12),
        "face_to_face",
        "discovery",
        "facilitation_method",
        ["outils-bureautiques"],
        ["Créer un tableau croisé dynamique", "Filtrer et regrouper des données"],
        [
            ("Démonstration", 10, "Partir d'un export réel (demandes d'intervention)."),
            ("Pratique guidée", 15, "Chacun reproduit sur son poste avec la fiche."),
            ("Défi", 10, "Répondre à trois questions en utilisant le tableau."),
        ],
    ),
    (
        "Le jeu de l'accueil difficile",
        "Un jeu sérieux de cartes-situations pour s'entraîner à l'accueil d'usagers mécontents.",
        (60, 90),
        (6, 12),
        "face_to_face",
        "intermediate",
        "serious_game",
        ["accueil-du-public"],
        ["Garder son calme face à l'agressivité", "Reformuler la demande d'un usager"],
        [
            (
                "Règles du jeu",
                10,
                "Tirer une carte-situation ; un joueur accueille, un autre joue "
                "l'usager, les autres observent.",
            ),
            ("Parties", 50, "Trois tours, les rôles tournent à chaque carte."),
            ("Débriefing", 20, "Relever les phrases qui ont apaisé la situation."),
        ],
    ),
    (
        "Les écogestes au bureau en e-learning",
        "Un module en autonomie de 20 minutes, avec quiz, sur la sobriété au bureau.",
        (15, 25),
        (1, 1),
        "self_paced",
        "discovery",
        "e_learning",
        ["developpement-durable"],
        ["Connaître les écogestes numériques", "Mesurer l'impact de ses impressions"],
        [
            ("Module", 15, "Le module présente cinq gestes avec des chiffres de la collectivité."),
            ("Quiz", 5, "Dix questions ; l'attestation s'affiche à partir de 7 bonnes réponses."),
        ],
    ),
    (
        "Quiz de positionnement avant le concours",
        "Un quiz en ligne pour situer son niveau et choisir les ateliers Prépa'Truc².",
        (20, 30),
        (1, 40),
        "remote",
        "discovery",
        "assessment",
        ["preparation-aux-concours"],
        ["Situer son niveau", "Choisir son parcours de préparation"],
        [
            (
                "Passer le quiz",
                20,
                "Trente questions sur le droit public et la culture territoriale.",
            ),
            ("Lire son profil", 10, "Le résultat oriente vers les ateliers adaptés."),
        ],
    ),
    (
        "Le débat mouvant",
        "Une méthode d'animation où chacun se place dans la salle selon son accord.",
        (20, 40),
        (10, 40),
        "face_to_face",
        "discovery",
        "facilitation_method",
        ["pedagogie-et-animation", "actualite-juridique"],
        ["Faire émerger les points de vue", "Argumenter et écouter"],
        [
            ("Énoncer une affirmation", 2, "Lire une affirmation clivante liée au thème."),
            ("Se positionner", 3, "D'accord d'un côté de la salle, pas d'accord de l'autre."),
            ("Argumenter", 15, "Chaque camp avance un argument ; on peut changer de côté."),
        ],
    ),
    (
        "Photolangage : ce que la formation évoque pour moi",
        (
            "Chacun choisit une photo parmi une quarantaine étalées sur une table pour exprimer "
            "ses attentes sur la formation."
        ),
        (20, 40),
        (6, 16),
        "face_to_face",
        "discovery",
        "ice_breaker",
        ["pedagogie-et-animation"],
        [
            "Faire émerger les attentes et les représentations",
            "Permettre à chacun de prendre la parole sans se mettre en difficulté",
            "Donner au formateur une météo du groupe",
        ],
        [
            (
                "Étaler les photos",
                3,
                (
                    "Disposer 40 à 50 photos variées (paysages, objets, scènes de travail) sur une "
                    "table, face visible, en laissant de la place pour circuler autour."
                ),
            ),
            (
                "Choisir en silence",
                5,
                (
                    "Poser la question « Qu'est-ce que cette formation évoque pour vous ? » et "
                    "demander à chacun de choisir une photo du regard, sans la prendre ni parler."
                ),
            ),
            (
                "Tour de parole",
                20,
                (
                    "Chacun prend sa photo, la montre et explique son choix en une ou deux phrases "
                    "; ne pas commenter, seulement remercier."
                ),
            ),
            (
                "Relier aux objectifs",
                5,
                (
                    "Noter au tableau les attentes exprimées et dire lesquelles la journée "
                    "couvrira, et lesquelles non."
                ),
            ),
        ],
    ),
    (
        "World café sur l'accueil de demain",
        (
            "Trois tables, trois questions et des rotations de 20 minutes pour faire produire un "
            "grand groupe sur l'avenir de l'accueil des usagers."
        ),
        (75, 120),
        (12, 40),
        "face_to_face",
        "intermediate",
        "facilitation_method",
        ["accueil-du-public", "management"],
        [
            "Recueillir les idées d'un grand groupe en peu de temps",
            "Croiser les regards des différents points d'accueil",
            "Repérer des pistes d'amélioration partagées",
        ],
        [
            (
                "Installer les tables",
                10,
                (
                    "Préparer une table par question avec une nappe en papier, des feutres et un "
                    "hôte volontaire qui restera sur place ; présenter les règles du café."
                ),
            ),
            (
                "Premier tour",
                20,
                (
                    "Chaque table travaille sa question (« Qu'est-ce qui fait un accueil réussi "
                    "pour un usager pressé ? ») et écrit directement sur la nappe."
                ),
            ),
            (
                "Rotations",
                40,
                (
                    "Au signal, tout le monde change de table sauf l'hôte, qui résume en deux "
                    "minutes ce qui a déjà été dit avant de relancer ; faire deux rotations."
                ),
            ),
            (
                "Restitution",
                20,
                (
                    "Chaque hôte présente les trois idées fortes de sa nappe ; afficher les nappes "
                    "et faire voter avec des gommettes les pistes à creuser."
                ),
            ),
        ],
    ),
    (
        "Les six chapeaux de Bono pour examiner un projet",
        (
            "Examiner un projet sous six angles successifs (faits, ressentis, risques, atouts, "
            "idées, organisation) pour sortir des débats stériles."
        ),
        (45, 75),
        (4, 12),
        "face_to_face",
        "intermediate",
        "facilitation_method",
        ["management", "numerique-et-innovation"],
        [
            "Distinguer faits, ressentis et jugements dans une discussion",
            "Faire explorer un projet par tous sous le même angle au même moment",
            "Aboutir à une décision argumentée",
        ],
        [
            (
                "Présenter les chapeaux",
                10,
                (
                    "Afficher les six couleurs : blanc (faits), rouge (ressentis), noir (risques), "
                    "jaune (avantages), vert (idées), bleu (organisation) ; choisir un projet "
                    "réel, par exemple la dématérialisation des inscriptions scolaires."
                ),
            ),
            (
                "Tour des chapeaux",
                36,
                (
                    "Faire porter le même chapeau à tout le groupe pendant six à sept minutes, "
                    "dans l'ordre blanc, rouge, jaune, noir, vert ; noter les apports sur une "
                    "feuille par couleur."
                ),
            ),
            (
                "Chapeau bleu",
                10,
                "Relire les feuilles et faire formuler la décision ou les prochaines étapes.",
            ),
            (
                "Débriefing",
                5,
                "Demander quel chapeau a été le plus difficile à porter, et pourquoi.",
            ),
        ],
    ),
    (
        "Le brainstorming inversé : comment rater notre accueil ?",
        (
            "Lister d'abord tout ce qui ferait échouer l'accueil, puis retourner chaque idée en "
            "bonne pratique : efficace, et ça détend."
        ),
        (30, 50),
        (5, 20),
        "face_to_face",
        "discovery",
        "facilitation_method",
        ["accueil-du-public", "pedagogie-et-animation"],
        [
            "Libérer la parole sur les irritants du quotidien",
            "Transformer des critiques en actions concrètes",
            "Produire une liste de bonnes pratiques d'accueil",
        ],
        [
            (
                "Poser la question inversée",
                3,
                (
                    "Écrire au tableau « Comment être sûrs qu'un usager reparte mécontent ? » et "
                    "annoncer que toutes les idées sont bienvenues, surtout les pires."
                ),
            ),
            (
                "Produire",
                12,
                (
                    "En sous-groupes de quatre, écrire une idée par post-it (« ne pas lever les "
                    "yeux de l'écran », « renvoyer vers un autre guichet »…)."
                ),
            ),
            (
                "Retourner les idées",
                15,
                (
                    "Chaque sous-groupe prend les post-it d'un autre et écrit pour chacun la bonne "
                    "pratique inverse sur un post-it d'une autre couleur."
                ),
            ),
            (
                "Retenir",
                10,
                (
                    "Regrouper les bonnes pratiques par thème et faire choisir les trois à "
                    "appliquer dès la semaine suivante."
                ),
            ),
        ],
    ),
    (
        "La méthode des 5 pourquoi",
        (
            "Remonter à la cause profonde d'un dysfonctionnement en demandant « pourquoi ? » "
            "jusqu'à cinq fois, avec un recueil des problèmes en ligne avant la séance."
        ),
        (45, 90),
        (3, 10),
        "blended",
        "intermediate",
        "analysis_tool",
        ["management"],
        [
            "Distinguer les symptômes des causes d'un dysfonctionnement",
            "Analyser un problème sans chercher de coupable",
            "Aboutir à une action corrective ciblée",
        ],
        [
            (
                "Recueillir les problèmes en amont",
                10,
                (
                    "Une semaine avant, envoyer un formulaire en ligne où chacun décrit un "
                    "dysfonctionnement récurrent en une phrase factuelle."
                ),
            ),
            (
                "Choisir le problème",
                10,
                (
                    "En séance, afficher les réponses et faire voter le problème à traiter, par "
                    "exemple « les factures arrivent en retard au service des finances »."
                ),
            ),
            (
                "Dérouler les pourquoi",
                25,
                (
                    "Au tableau, demander « pourquoi ? », noter la réponse, puis reposer la "
                    "question sur cette réponse jusqu'à une cause sur laquelle le service peut "
                    "agir."
                ),
            ),
            (
                "Vérifier et agir",
                15,
                (
                    "Relire la chaîne à l'envers avec « donc » pour en vérifier la logique, puis "
                    "fixer une action, un responsable et une échéance."
                ),
            ),
        ],
    ),
    (
        "La carte mentale pour réviser le statut",
        (
            "Construire à deux une carte mentale d'un chapitre du statut de la fonction publique "
            "territoriale pour mieux le mémoriser."
        ),
        (45, 60),
        (4, 16),
        "face_to_face",
        "discovery",
        "analysis_tool",
        ["preparation-aux-concours", "pedagogie-et-animation"],
        [
            "Organiser des connaissances autour d'une idée centrale",
            "Mémoriser les notions clés d'un chapitre",
            "Disposer d'une fiche de révision visuelle",
        ],
        [
            (
                "Montrer un exemple",
                5,
                (
                    "Projeter une carte terminée (droits et obligations des fonctionnaires) et "
                    "expliquer les règles : un mot par branche, des couleurs, des pictogrammes."
                ),
            ),
            (
                "Construire en binômes",
                25,
                (
                    "Donner à chaque binôme une feuille A3, des feutres, un thème central "
                    "(carrière, rémunération, positions statutaires…) et les textes de référence."
                ),
            ),
            (
                "Galerie",
                15,
                (
                    "Afficher les cartes ; chacun circule et ajoute au crayon ce qui manque sur "
                    "celles des autres."
                ),
            ),
            (
                "Photographier",
                5,
                (
                    "Chaque binôme complète sa carte et la photographie pour la partager avec le "
                    "groupe Prépa'Truc²."
                ),
            ),
        ],
    ),
    (
        "Le jeu de rôle de l'entretien professionnel annuel",
        (
            "Des encadrants s'entraînent à conduire l'entretien professionnel, moments délicats "
            "compris, sous le regard d'un observateur."
        ),
        (90, 150),
        (6, 12),
        "face_to_face",
        "expert",
        "role_play",
        ["management"],
        [
            "Structurer l'entretien : bilan, objectifs, formation, perspectives",
            "Aborder un objectif non atteint de manière factuelle",
            "Rédiger un compte rendu fidèle et utile à l'agent",
        ],
        [
            (
                "Rappeler le cadre",
                15,
                (
                    "Présenter le déroulé réglementaire et la trame locale du compte rendu ; "
                    "rappeler que l'agent est convoqué au moins huit jours avant, avec sa fiche de "
                    "poste."
                ),
            ),
            (
                "Préparer en trios",
                15,
                (
                    "Former des trios (encadrant, agent, observateur) et distribuer une fiche de "
                    "cas : fiche de poste, objectifs de l'an passé, faits marquants, dont un "
                    "objectif non atteint."
                ),
            ),
            (
                "Jouer l'entretien",
                60,
                (
                    "Jouer trois entretiens de 15 minutes en faisant tourner les rôles ; "
                    "l'observateur remplit une grille (questions ouvertes, temps de parole, faits "
                    "cités)."
                ),
            ),
            (
                "Débriefer",
                20,
                (
                    "Chaque observateur restitue deux points forts et un point à travailler ; "
                    "relever au tableau les formulations qui ont bien passé."
                ),
            ),
            (
                "Rédiger",
                15,
                (
                    "Chaque encadrant rédige l'appréciation générale du cas en cinq lignes "
                    "factuelles, puis la fait relire par un autre trio."
                ),
            ),
        ],
    ),
    (
        "Étude de cas : un marché de fournitures de bureau responsable",
        (
            "Partir d'un besoin réel de fournitures pour choisir la procédure, rédiger les "
            "critères d'attribution et intégrer des clauses environnementales."
        ),
        (120, 180),
        (6, 16),
        "face_to_face",
        "expert",
        "case_study",
        ["actualite-juridique", "developpement-durable"],
        [
            "Définir le besoin et estimer la valeur du marché",
            "Choisir la procédure au regard du Code de la commande publique",
            "Rédiger des critères d'attribution pondérés, dont un critère environnemental",
        ],
        [
            (
                "Découvrir le dossier",
                20,
                (
                    "Distribuer le dossier : consommations des trois dernières années, note du "
                    "service demandeur, extrait du schéma d'achats responsables de la "
                    "collectivité."
                ),
            ),
            (
                "Estimer et choisir la procédure",
                40,
                (
                    "En sous-groupes, estimer la valeur du besoin sur toute la durée du marché, la "
                    "comparer aux seuils en vigueur et justifier la procédure retenue."
                ),
            ),
            (
                "Rédiger les critères",
                40,
                (
                    "Rédiger les critères d'attribution et leur pondération, dont au moins un "
                    "critère environnemental, ainsi qu'une spécification sur le papier recyclé."
                ),
            ),
            (
                "Confronter",
                30,
                (
                    "Chaque sous-groupe présente ses choix ; comparer avec le marché réellement "
                    "passé et rappeler les points de vigilance juridiques."
                ),
            ),
        ],
    ),
    (
        "Quiz de fin de séance en visio",
        (
            "Dix questions avec un outil de sondage en ligne pour vérifier les acquis avant de "
            "quitter la classe virtuelle."
        ),
        (10, 20),
        (4, 50),
        "remote",
        "discovery",
        "assessment",
        ["pedagogie-et-animation", "numerique-et-innovation"],
        [
            "Vérifier les acquis de la séance",
            "Corriger les erreurs avant qu'elles ne s'installent",
            "Finir la séance sur une note dynamique",
        ],
        [
            (
                "Lancer le quiz",
                2,
                (
                    "Partager l'écran et coller le lien du quiz dans la discussion ; annoncer que "
                    "les réponses sont anonymes."
                ),
            ),
            (
                "Répondre",
                8,
                (
                    "Enchaîner dix questions courtes (QCM, vrai ou faux) avec 30 secondes par "
                    "question et afficher la répartition des réponses après chacune."
                ),
            ),
            (
                "Corriger",
                5,
                (
                    "Revenir sur les deux questions les moins réussies et réexpliquer chacune en "
                    "une minute."
                ),
            ),
        ],
    ),
    (
        "La roue de l'évaluation à chaud",
        (
            "Une cible dessinée sur un paper-board où chacun colle ses gommettes pour évaluer la "
            "séance en quelques minutes."
        ),
        (10, 15),
        (4, 25),
        "face_to_face",
        "discovery",
        "assessment",
        ["pedagogie-et-animation"],
        [
            "Recueillir la satisfaction des participants à chaud",
            "Voir d'un coup d'œil les points forts et les points faibles",
            "Alimenter le bilan de la formation",
        ],
        [
            (
                "Dessiner la roue",
                2,
                (
                    "Tracer sur un paper-board une roue en six parts (contenu, rythme, animation, "
                    "supports, utilité, ambiance) avec des cercles concentriques : le centre vaut "
                    "« très satisfait »."
                ),
            ),
            (
                "Coller les gommettes",
                5,
                (
                    "Chacun colle une gommette par part, plus ou moins près du centre, pendant que "
                    "le formateur range la salle à l'écart."
                ),
            ),
            (
                "Commenter",
                5,
                (
                    "Lire la roue à voix haute, demander un exemple pour la part la plus éloignée "
                    "du centre et photographier la roue pour le bilan."
                ),
            ),
        ],
    ),
    (
        "Le « pitch » de 2 minutes devant le jury",
        (
            "S'entraîner à présenter son parcours et sa motivation en deux minutes chrono, puis à "
            "rebondir sur les questions du jury."
        ),
        (45, 90),
        (4, 12),
        "face_to_face",
        "intermediate",
        "role_play",
        ["preparation-aux-concours"],
        [
            "Présenter son parcours de façon claire et structurée",
            "Mettre en valeur une expérience significative",
            "Gérer son temps et son trac",
        ],
        [
            (
                "Donner la trame",
                10,
                (
                    "Présenter une trame en trois temps (qui je suis, une expérience qui me "
                    "représente, pourquoi ce concours) et laisser chacun préparer ses notes."
                ),
            ),
            (
                "Pitcher",
                30,
                (
                    "Chaque candidat se présente debout devant le groupe, chronomètre visible ; "
                    "l'arrêter net à deux minutes."
                ),
            ),
            (
                "Questions du jury",
                20,
                (
                    "Trois participants jouent le jury et posent chacun une question de relance "
                    "sur le pitch entendu."
                ),
            ),
            (
                "Retours",
                10,
                (
                    "Le groupe donne à chaque candidat un point fort et une piste de progrès sur "
                    "la clarté, la posture et le respect du temps."
                ),
            ),
        ],
    ),
    (
        "La ligne du temps des réformes de la fonction publique",
        (
            "Replacer dans l'ordre, le long d'une corde tendue au sol, les grandes dates du statut "
            "et des réformes récentes pour en comprendre la logique."
        ),
        (30, 45),
        (6, 24),
        "face_to_face",
        "intermediate",
        "facilitation_method",
        ["actualite-juridique", "preparation-aux-concours"],
        [
            "Situer les textes fondateurs du statut",
            "Comprendre l'enchaînement des réformes récentes",
            "Mémoriser quelques dates repères",
        ],
        [
            (
                "Distribuer les cartes",
                5,
                (
                    "Donner à chacun une carte événement, date au verso : lois de décentralisation "
                    "de 1982, loi du 26 janvier 1984, loi de transformation de la fonction "
                    "publique de 2019, entrée en vigueur du Code général de la fonction publique "
                    "en 2022…"
                ),
            ),
            (
                "Se placer",
                10,
                (
                    "Tendre une corde au sol et demander au groupe de se ranger par ordre "
                    "chronologique en se mettant d'accord, sans regarder les dates."
                ),
            ),
            (
                "Corriger et raconter",
                15,
                (
                    "Faire retourner les cartes une à une ; chaque porteur lit l'explication au "
                    "verso et le formateur fait le lien avec la carte précédente."
                ),
            ),
            (
                "Ancrer",
                5,
                (
                    "Photographier la frise et demander à chacun quelle réforme a le plus changé "
                    "son quotidien."
                ),
            ),
        ],
    ),
    (
        "Le speed-dating pédagogique",
        (
            "Des tête-à-tête de 4 minutes pour que des formateurs occasionnels ou des managers "
            "échangent leurs astuces et se constituent un réseau."
        ),
        (30, 50),
        (8, 30),
        "face_to_face",
        "discovery",
        "ice_breaker",
        ["pedagogie-et-animation", "management"],
        [
            "Créer des liens entre pairs de services différents",
            "Échanger des pratiques concrètes",
            "Repérer des personnes ressources",
        ],
        [
            (
                "Installer deux rangées",
                5,
                (
                    "Placer les chaises face à face sur deux rangées et distribuer une fiche à "
                    "trois questions : ma meilleure astuce, ma difficulté du moment, ce que je "
                    "peux apporter."
                ),
            ),
            (
                "Rencontres",
                28,
                (
                    "Lancer des tours de 4 minutes, 2 minutes par personne ; au signal, la rangée "
                    "de droite se décale d'une chaise."
                ),
            ),
            (
                "Retour en grand groupe",
                7,
                (
                    "Demander à chacun de citer une astuce entendue qu'il va tester et le collègue "
                    "qu'il compte recontacter."
                ),
            ),
        ],
    ),
    (
        "La fresque du climat adaptée aux services municipaux",
        (
            "La fresque du climat classique, prolongée par une étape sur les effets concrets pour "
            "les services de la ville et leurs leviers d'action."
        ),
        (180, 210),
        (6, 14),
        "face_to_face",
        "intermediate",
        "serious_game",
        ["developpement-durable"],
        [
            "Comprendre les causes et les conséquences du dérèglement climatique",
            "Relier ces conséquences aux missions des services",
            "Identifier des leviers d'action à l'échelle de la collectivité",
        ],
        [
            (
                "Construire la fresque",
                90,
                (
                    "Avec le jeu de cartes officiel et un animateur formé à la Fresque, faire "
                    "relier les cartes par lots successifs sur une grande feuille, des causes aux "
                    "conséquences."
                ),
            ),
            (
                "Décorer et nommer",
                15,
                (
                    "Faire entourer les grands ensembles, ajouter des dessins et donner un titre à "
                    "la fresque."
                ),
            ),
            (
                "Étape locale",
                45,
                (
                    "Distribuer des cartes sur les services (voirie, restauration scolaire, "
                    "espaces verts, action sociale) et les faire relier aux conséquences : "
                    "canicules, sécheresses, inondations."
                ),
            ),
            (
                "Leviers d'action",
                30,
                (
                    "En sous-groupes, lister les leviers du service et de chacun, puis choisir "
                    "deux propositions à porter à la prochaine rencontre Éco'Truc²."
                ),
            ),
        ],
    ),
    (
        "Le jeu des déchets",
        (
            "Une course en équipes pour trier un sac de vrais déchets, propres, dans les bons bacs "
            "selon les consignes locales."
        ),
        (30, 45),
        (6, 20),
        "face_to_face",
        "discovery",
        "serious_game",
        ["developpement-durable"],
        [
            "Connaître les consignes de tri en vigueur sur le territoire",
            "Corriger les erreurs de tri les plus fréquentes",
            "Savoir ce que deviennent les déchets triés",
        ],
        [
            (
                "Préparer",
                5,
                (
                    "Disposer quatre bacs étiquetés (emballages, papiers, biodéchets, ordures "
                    "ménagères) et un sac de déchets propres : gobelet, capsule de café, pot de "
                    "yaourt, ramette vide, pile…"
                ),
            ),
            (
                "Trier en équipes",
                15,
                (
                    "Former deux équipes qui trient à tour de rôle un déchet tiré au hasard : un "
                    "point par bonne réponse, un point bonus pour une justification juste."
                ),
            ),
            (
                "Corriger",
                10,
                (
                    "Reprendre chaque bac avec les consignes du syndicat de traitement et montrer "
                    "les objets qui ne vont dans aucun bac (piles, ampoules) avec leur point de "
                    "collecte."
                ),
            ),
            (
                "Prolonger",
                5,
                (
                    "Remettre le mémo de tri de la collectivité et demander à chaque équipe une "
                    "idée pour réduire les déchets du service."
                ),
            ),
        ],
    ),
    (
        "Escape game RGPD : la fuite de données",
        (
            "Retrouver en 45 minutes, à l'aide d'indices et de cadenas, comment des données "
            "d'usagers ont fuité et ce qu'il faut faire maintenant."
        ),
        (60, 90),
        (4, 18),
        "face_to_face",
        "intermediate",
        "serious_game",
        ["numerique-et-innovation", "actualite-juridique"],
        [
            "Reconnaître une donnée à caractère personnel",
            "Connaître les bons réflexes en cas de violation de données",
            "Savoir quand alerter le délégué à la protection des données",
        ],
        [
            (
                "Planter le décor",
                5,
                (
                    "Annoncer le scénario : la liste des inscrits à la crèche est partie à une "
                    "mauvaise adresse, les équipes ont 45 minutes pour ouvrir la mallette du "
                    "délégué."
                ),
            ),
            (
                "Jouer",
                45,
                (
                    "Les équipes de trois à six résolvent les énigmes (boîte mail fictive, "
                    "registre des traitements, mot de passe sur un post-it) qui donnent les codes "
                    "des cadenas."
                ),
            ),
            (
                "Débriefer",
                20,
                (
                    "Reprendre chaque énigme et la règle associée : minimisation, durée de "
                    "conservation, notification à la CNIL sous 72 heures, information des "
                    "personnes en cas de risque élevé."
                ),
            ),
        ],
    ),
    (
        "Classe inversée : les obligations déontologiques des agents",
        (
            "Les agents découvrent les règles chez eux avec une vidéo et un quiz ; la séance est "
            "entièrement consacrée aux situations concrètes."
        ),
        (60, 90),
        (6, 20),
        "blended",
        "intermediate",
        "facilitation_method",
        ["actualite-juridique", "pedagogie-et-animation"],
        [
            "Connaître les obligations déontologiques des agents publics",
            "Appliquer les règles à des situations du quotidien",
            "Réserver le temps en salle aux échanges",
        ],
        [
            (
                "Préparer à distance",
                20,
                (
                    "Une semaine avant, envoyer une vidéo de 10 minutes et un quiz en ligne sur la "
                    "neutralité, la laïcité, le secret professionnel, la discrétion et le cumul "
                    "d'activités."
                ),
            ),
            (
                "Partir des réponses",
                10,
                (
                    "En séance, afficher les résultats du quiz et revenir sur les questions les "
                    "plus ratées."
                ),
            ),
            (
                "Cas pratiques",
                40,
                (
                    "Par trois, traiter des situations courtes (un message sur un réseau social, "
                    "une activité de photographe le week-end, un signe religieux au guichet) et "
                    "rendre un avis motivé."
                ),
            ),
            (
                "Synthèse",
                10,
                (
                    "Mettre en commun et remettre la fiche de synthèse avec les coordonnées du "
                    "référent déontologue."
                ),
            ),
        ],
    ),
    (
        "Module e-learning « messagerie et agenda partagés »",
        (
            "Un module en autonomie pour bien utiliser la messagerie et l'agenda partagés : tri, "
            "partage, réunions, message d'absence."
        ),
        (20, 40),
        (1, 300),
        "self_paced",
        "discovery",
        "e_learning",
        ["outils-bureautiques"],
        [
            "Organiser sa boîte de réception avec des dossiers et des règles",
            "Partager son agenda et planifier une réunion selon les disponibilités",
            "Paramétrer un message d'absence",
        ],
        [
            (
                "Trier sa messagerie",
                10,
                (
                    "Des vidéos courtes montrent comment créer des dossiers, des règles de tri et "
                    "archiver ; l'apprenant reproduit chaque geste dans sa propre boîte."
                ),
            ),
            (
                "Partager son agenda",
                10,
                (
                    "Le module guide le partage de l'agenda avec l'équipe et la délégation à un "
                    "collègue."
                ),
            ),
            (
                "Planifier une réunion",
                10,
                (
                    "Exercice : inviter trois collègues fictifs avec l'assistant de planification "
                    "et réserver une salle."
                ),
            ),
            (
                "Valider",
                5,
                (
                    "Un quiz de huit questions débloque l'attestation et propose l'atelier « Un "
                    "truc² en + » pour aller plus loin."
                ),
            ),
        ],
    ),
    (
        "Langage clair : exercices de réécriture de courriers",
        (
            "Réécrire de vrais courriers de la collectivité pour qu'un usager les comprenne du "
            "premier coup."
        ),
        (90, 150),
        (6, 14),
        "face_to_face",
        "intermediate",
        "case_study",
        ["accueil-du-public"],
        [
            "Repérer ce qui rend un courrier administratif difficile à lire",
            (
                "Appliquer les règles du langage clair : phrases courtes, mots courants, action "
                "attendue en premier"
            ),
            "Produire des modèles de courriers réutilisables",
        ],
        [
            (
                "Lire comme un usager",
                15,
                (
                    "Distribuer un courrier réel anonymisé (relance de facture de cantine) et "
                    "faire souligner tout ce qu'un usager ne comprendrait pas."
                ),
            ),
            (
                "Apprendre les règles",
                20,
                (
                    "Présenter dix règles avec un avant-après : une idée par phrase, voix active, "
                    "sigles développés, ce que l'usager doit faire placé en premier."
                ),
            ),
            (
                "Réécrire",
                45,
                (
                    "En binômes, réécrire deux courriers apportés par les participants, puis "
                    "échanger avec un autre binôme qui relit avec la grille."
                ),
            ),
            (
                "Tester",
                20,
                (
                    "Lire les versions réécrites à voix haute : le groupe doit dire en une phrase "
                    "ce que l'usager doit faire ; les modèles validés rejoignent la bibliothèque "
                    "du service."
                ),
            ),
        ],
    ),
    (
        "Accueil téléphonique : les appels simulés",
        (
            "S'entraîner à décrocher, cerner la demande, faire patienter et transférer un appel, "
            "assis dos à dos pour se priver du visuel."
        ),
        (60, 90),
        (4, 12),
        "face_to_face",
        "discovery",
        "role_play",
        ["accueil-du-public"],
        [
            "Présenter le service avec une formule d'accueil claire",
            "Cerner la demande par des questions ciblées",
            "Transférer un appel ou prendre un message sans perdre l'usager",
        ],
        [
            (
                "Écouter des exemples",
                10,
                (
                    "Faire écouter deux enregistrements fictifs d'un même appel et demander ce qui "
                    "change entre les deux."
                ),
            ),
            (
                "Construire la formule",
                10,
                (
                    "Construire ensemble la formule d'accueil du service (salutation, nom du "
                    "service, prénom, proposition d'aide) et la fiche de prise de message."
                ),
            ),
            (
                "Appels simulés",
                40,
                (
                    "Installer les binômes dos à dos : l'un appelle avec une carte-scénario (acte "
                    "de naissance, poubelle non ramassée, appel destiné à un autre service), "
                    "l'autre répond, puis inverser."
                ),
            ),
            (
                "Débriefer",
                15,
                (
                    "Recueillir les difficultés et compléter la fiche avec les phrases qui ont "
                    "marché pour faire patienter ou transférer."
                ),
            ),
        ],
    ),
    (
        "Gérer les incivilités au guichet",
        (
            "Des mises en situation graduées pour désamorcer l'agressivité verbale, poser une "
            "limite et savoir quand passer le relais."
        ),
        (120, 180),
        (6, 12),
        "face_to_face",
        "intermediate",
        "role_play",
        ["accueil-du-public"],
        [
            "Reconnaître les signes de montée de la tension",
            "Désamorcer par l'écoute, la reformulation et une limite claire",
            "Connaître la procédure de signalement et de soutien après un incident",
        ],
        [
            (
                "Partager les vécus",
                20,
                (
                    "Faire raconter, sans jugement, une incivilité vécue et noter au tableau ce "
                    "qui l'a déclenchée."
                ),
            ),
            (
                "Apports",
                25,
                (
                    "Présenter l'escalade de la tension et trois techniques : reformuler "
                    "l'émotion, dire ce qui est possible, poser une limite (« je ne peux pas vous "
                    "laisser me parler ainsi »)."
                ),
            ),
            (
                "Mises en situation",
                60,
                (
                    "Jouer trois scènes de difficulté croissante tirées des vécus ; l'usager suit "
                    "une consigne secrète et les observateurs notent les phrases efficaces."
                ),
            ),
            (
                "Après l'incident",
                15,
                (
                    "Présenter la fiche de signalement, le rôle de l'encadrant, le soutien proposé "
                    "aux agents et la protection fonctionnelle en cas de plainte."
                ),
            ),
        ],
    ),
    (
        "Conduire une réunion courte et efficace",
        (
            "Une capsule en ligne puis un entraînement en salle à animer une réunion avec ordre du "
            "jour, rôles et relevé de décisions."
        ),
        (90, 120),
        (6, 12),
        "blended",
        "intermediate",
        "role_play",
        ["management"],
        [
            "Préparer un ordre du jour avec un objectif par point",
            "Répartir les rôles : animateur, gardien du temps, secrétaire",
            "Conclure chaque point par une décision ou une action",
        ],
        [
            (
                "Préparer en amont",
                20,
                (
                    "Avant la séance, chacun suit une capsule vidéo de 10 minutes et prépare "
                    "l'ordre du jour d'une vraie réunion à venir avec le modèle fourni."
                ),
            ),
            (
                "Réunion témoin",
                20,
                (
                    "Le formateur anime volontairement mal une réunion de 10 minutes ; le groupe "
                    "note les dysfonctionnements, puis les classe."
                ),
            ),
            (
                "Animer à tour de rôle",
                60,
                (
                    "Par groupes de six, chaque manager anime 10 minutes de sa réunion, avec un "
                    "gardien du temps et un secrétaire qui rédige le relevé de décisions en "
                    "direct."
                ),
            ),
            (
                "Retours",
                15,
                (
                    "Relire les relevés de décisions (qui fait quoi, pour quand) ; chaque "
                    "animateur repart avec un point à améliorer."
                ),
            ),
        ],
    ),
    (
        "Déléguer sans se défausser : la matrice de délégation",
        (
            "Un outil pour choisir quoi déléguer, à qui et avec quel degré d'autonomie, appliqué "
            "aux tâches réelles des encadrants."
        ),
        (60, 90),
        (4, 14),
        "face_to_face",
        "expert",
        "analysis_tool",
        ["management"],
        [
            "Identifier les tâches délégables dans son agenda",
            "Choisir le degré d'autonomie adapté à chaque collaborateur",
            "Préparer l'entretien de délégation",
        ],
        [
            (
                "Lister ses tâches",
                15,
                (
                    "Chaque encadrant liste dix tâches de sa semaine type et les classe selon la "
                    "valeur ajoutée de sa présence et l'intérêt de la tâche pour l'équipe."
                ),
            ),
            (
                "Remplir la matrice",
                20,
                (
                    "Pour chaque tâche délégable, noter à qui, le degré d'autonomie (exécute, "
                    "propose, décide et informe, décide seul), les moyens et les points d'étape."
                ),
            ),
            (
                "Tester en binômes",
                25,
                (
                    "Chacun présente une délégation prévue ; l'autre joue le collaborateur et pose "
                    "les questions qui fâchent (« pourquoi moi ? », « et si je me trompe ? »)."
                ),
            ),
            (
                "S'engager",
                10,
                (
                    "Chacun note une délégation à lancer dans les quinze jours et la date du "
                    "premier point d'étape."
                ),
            ),
        ],
    ),
    (
        "Le feedback constructif avec la méthode DESC",
        (
            "En classe virtuelle, s'entraîner en sous-salles à faire un retour à un collaborateur "
            ": décrire, exprimer, suggérer, conclure."
        ),
        (60, 90),
        (4, 16),
        "remote",
        "intermediate",
        "role_play",
        ["management"],
        [
            "Décrire un fait sans porter de jugement",
            "Exprimer l'effet produit et proposer une solution",
            "Donner aussi des retours positifs précis",
        ],
        [
            (
                "Présenter DESC",
                15,
                (
                    "Présenter les quatre temps avec un exemple : Décrire les faits, Exprimer "
                    "l'effet produit, Suggérer une solution, Conclure sur les conséquences "
                    "positives."
                ),
            ),
            (
                "Écrire son message",
                10,
                (
                    "Chacun rédige dans le document partagé un feedback sur une situation réelle "
                    "ou proposée (retards répétés, dossier très bien mené)."
                ),
            ),
            (
                "Sous-salles",
                35,
                (
                    "Ouvrir des sous-salles de trois : l'un donne son feedback, l'autre le reçoit, "
                    "le troisième observe ; trois tours de 10 minutes."
                ),
            ),
            (
                "Retour en plénière",
                10,
                (
                    "Recueillir dans la discussion les formulations qui ont bien fonctionné et les "
                    "pièges (« tu es toujours… »)."
                ),
            ),
        ],
    ),
    (
        "Préparation à l'oral du concours : le jury blanc",
        (
            "Un oral en conditions réelles devant trois encadrants, suivi d'un retour détaillé, "
            "pour les candidats Prépa'Truc²."
        ),
        (120, 240),
        (3, 8),
        "face_to_face",
        "expert",
        "role_play",
        ["preparation-aux-concours"],
        [
            "Vivre l'épreuve orale dans des conditions proches du concours",
            "Identifier ses points forts et ses fragilités face au jury",
            "S'entraîner aux questions de mise en situation professionnelle",
        ],
        [
            (
                "Constituer le jury",
                15,
                (
                    "Réunir trois encadrants volontaires, leur remettre la grille d'évaluation du "
                    "concours visé et les fiches des candidats, et convenir des thèmes de "
                    "questions."
                ),
            ),
            (
                "Passer l'oral",
                100,
                (
                    "Chaque candidat fait son exposé dans le temps prévu par le concours, puis "
                    "répond aux questions : motivation, environnement territorial, mise en "
                    "situation."
                ),
            ),
            (
                "Délibérer",
                15,
                (
                    "Le jury note chaque candidat avec la grille, à huis clos, et rédige trois "
                    "conseils précis."
                ),
            ),
            (
                "Restituer",
                30,
                (
                    "Chaque candidat reçoit un retour individuel de 5 minutes, puis le groupe "
                    "échange sur les questions les plus déstabilisantes."
                ),
            ),
        ],
    ),
    (
        "Note de synthèse : la méthode pas à pas",
        (
            "Des exercices en ligne sur le tri des documents, puis une séance en salle pour "
            "analyser la commande, bâtir le plan et rédiger."
        ),
        (180, 240),
        (4, 15),
        "blended",
        "expert",
        "case_study",
        ["preparation-aux-concours"],
        [
            "Exploiter un dossier documentaire dans le temps imparti",
            "Construire un plan en deux parties qui répond à la commande",
            "Rédiger une note neutre et structurée à partir du seul dossier",
        ],
        [
            (
                "Exercices en ligne",
                45,
                (
                    "En amont, chacun classe en ligne les documents d'un dossier court (essentiel, "
                    "utile, accessoire) et compare ses choix au corrigé commenté."
                ),
            ),
            (
                "Analyser la commande",
                20,
                (
                    "En salle, distribuer un sujet d'annales (dossier d'une vingtaine de pages) et "
                    "faire reformuler la commande : destinataire, objet, attendu."
                ),
            ),
            (
                "Construire le plan",
                60,
                (
                    "En sous-groupes, relever les idées de chaque document dans un tableau, puis "
                    "bâtir un plan en deux parties et deux sous-parties aux titres informatifs."
                ),
            ),
            (
                "Rédiger et corriger",
                75,
                (
                    "Chacun rédige l'introduction et une sous-partie ; correction croisée avec la "
                    "grille du jury (commande, plan, expression), puis correction collective."
                ),
            ),
        ],
    ),
    (
        "Rédiger les fiches réflexes de l'accueil",
        (
            "Construire en groupe des fiches réflexes d'une page (malaise, alarme incendie, "
            "personne menaçante) à afficher au poste d'accueil."
        ),
        (90, 150),
        (4, 12),
        "face_to_face",
        "expert",
        "analysis_tool",
        ["accueil-du-public", "management"],
        [
            "Identifier les situations critiques propres à chaque accueil",
            "Rédiger une conduite à tenir courte, séquencée et vérifiable",
            "Faire valider et diffuser les fiches",
        ],
        [
            (
                "Lister les situations",
                20,
                (
                    "Faire lister les situations d'urgence vécues ou redoutées à l'accueil et "
                    "retenir les quatre plus probables ou plus graves."
                ),
            ),
            (
                "Montrer le format",
                10,
                (
                    "Présenter un modèle d'une page : titre, déclencheur, cinq à sept actions "
                    "numérotées commençant par un verbe, numéros à appeler, qui prévenir ensuite."
                ),
            ),
            (
                "Rédiger",
                50,
                (
                    "En binômes, rédiger une fiche par situation en s'appuyant sur les consignes "
                    "existantes (consignes de sécurité du bâtiment, annuaire interne)."
                ),
            ),
            (
                "Tester",
                30,
                (
                    "Un autre binôme joue la scène en suivant la fiche à la lettre ; noter les "
                    "étapes manquantes ou ambiguës et corriger."
                ),
            ),
            (
                "Valider",
                10,
                (
                    "Lister les fiches à faire valider par la hiérarchie et l'assistant de "
                    "prévention avant affichage."
                ),
            ),
        ],
    ),
    (
        "Les bases du RGPD pour les agents en e-learning",
        (
            "Un module de 30 minutes pour savoir ce qu'est une donnée personnelle et quels gestes "
            "adopter au quotidien dans un service public."
        ),
        (25, 35),
        (1, 300),
        "self_paced",
        "discovery",
        "e_learning",
        ["numerique-et-innovation", "actualite-juridique"],
        [
            "Reconnaître une donnée à caractère personnel",
            "Appliquer les bons gestes : minimisation, partage sécurisé, durée de conservation",
            "Savoir qui contacter en cas de doute ou d'incident",
        ],
        [
            (
                "Découvrir",
                10,
                (
                    "Une animation présente les notions clés à partir d'un dossier d'inscription à "
                    "l'accueil de loisirs : donnée personnelle, traitement, finalité, droits des "
                    "personnes."
                ),
            ),
            (
                "S'exercer",
                10,
                (
                    "Dans cinq situations, l'apprenant choisit le bon geste : envoyer une liste "
                    "nominative, ranger un dossier papier, répondre à une demande d'accès."
                ),
            ),
            (
                "Retenir",
                5,
                (
                    "Une fiche mémo téléchargeable rappelle les gestes et les coordonnées du "
                    "délégué à la protection des données."
                ),
            ),
            (
                "Valider",
                5,
                "Un quiz de dix questions valide le module à partir de huit bonnes réponses.",
            ),
        ],
    ),
    (
        "Mettre en forme un long document avec les styles",
        (
            "Un module e-learning pour maîtriser les styles, la numérotation des titres et la "
            "table des matières automatique d'un rapport."
        ),
        (30, 45),
        (1, 300),
        "self_paced",
        "intermediate",
        "e_learning",
        ["outils-bureautiques"],
        [
            "Appliquer et modifier les styles de titres",
            "Générer et mettre à jour une table des matières",
            "Gagner du temps sur la mise en forme des rapports",
        ],
        [
            (
                "Comprendre les styles",
                10,
                (
                    "Une vidéo compare un rapport mis en forme à la main et le même avec des "
                    "styles, puis modifie le style « Titre 1 » une seule fois pour tout le "
                    "document."
                ),
            ),
            (
                "Pratiquer",
                20,
                (
                    "L'apprenant télécharge un rapport d'activité brut et applique styles, "
                    "numérotation des titres et sauts de section en suivant les consignes pas à "
                    "pas."
                ),
            ),
            (
                "Table des matières",
                8,
                (
                    "Insérer la table des matières automatique, ajouter un titre, puis la mettre à "
                    "jour."
                ),
            ),
            (
                "S'auto-évaluer",
                5,
                "Comparer son document au corrigé et répondre à un quiz de cinq questions.",
            ),
        ],
    ),
    (
        "Produire des documents bureautiques accessibles",
        (
            "Un module e-learning avancé pour rendre accessibles ses documents et ses PDF : "
            "structure, textes alternatifs, contrastes, vérificateur."
        ),
        (45, 60),
        (1, 300),
        "self_paced",
        "expert",
        "e_learning",
        ["numerique-et-innovation", "outils-bureautiques"],
        [
            "Structurer un document pour les lecteurs d'écran",
            "Rédiger des textes alternatifs utiles pour les images et les graphiques",
            "Exporter un PDF balisé et le vérifier",
        ],
        [
            (
                "Se mettre à la place",
                10,
                (
                    "Une vidéo fait entendre un lecteur d'écran sur un document mal structuré, "
                    "puis sur le même document corrigé."
                ),
            ),
            (
                "Structurer",
                15,
                (
                    "Exercice guidé : appliquer les styles de titres et les listes, déclarer la "
                    "ligne d'en-tête d'un tableau et la langue du document."
                ),
            ),
            (
                "Images et couleurs",
                15,
                (
                    "Rédiger le texte alternatif de trois images (photo décorative, logo, "
                    "graphique) et vérifier le contraste d'un tableau en couleurs."
                ),
            ),
            (
                "Exporter et vérifier",
                10,
                (
                    "Lancer le vérificateur d'accessibilité du logiciel, corriger les erreurs "
                    "restantes et exporter un PDF balisé."
                ),
            ),
        ],
    ),
    (
        "Autodiagnostic de ses pratiques managériales",
        (
            "Un questionnaire en ligne de 30 affirmations pour faire le point sur sa façon de "
            "manager avant une rencontre de la communauté des managers."
        ),
        (20, 30),
        (1, 1),
        "self_paced",
        "intermediate",
        "assessment",
        ["management"],
        [
            "Faire le point sur ses pratiques de manager",
            "Identifier deux axes de progrès",
            "Préparer son échange avec les pairs de la communauté",
        ],
        [
            (
                "Répondre",
                15,
                (
                    "Se positionner sur 30 affirmations réparties en cinq axes (organiser, "
                    "communiquer, déléguer, accompagner, décider), de « jamais » à « toujours »."
                ),
            ),
            (
                "Lire son profil",
                5,
                (
                    "Le profil s'affiche en radar avec, pour chaque axe, une explication et une "
                    "ressource à consulter."
                ),
            ),
            (
                "Choisir ses axes",
                5,
                (
                    "Noter deux axes de progrès et une situation récente à apporter à la prochaine "
                    "rencontre de la communauté."
                ),
            ),
        ],
    ),
    (
        "Le défi quotidien de révision Prépa'Truc²",
        (
            "Cinq questions par jour pendant six semaines, reçues par courriel, pour réviser la "
            "culture territoriale sans y passer ses soirées."
        ),
        (5, 15),
        (1, 300),
        "self_paced",
        "intermediate",
        "assessment",
        ["preparation-aux-concours"],
        [
            "Réviser régulièrement en peu de temps",
            "Mesurer sa progression semaine après semaine",
            "Repérer les thèmes à retravailler en atelier",
        ],
        [
            (
                "Répondre aux questions du jour",
                5,
                (
                    "Chaque matin, ouvrir le lien reçu et répondre aux cinq questions (finances "
                    "locales, compétences, statut, institutions)."
                ),
            ),
            (
                "Lire les corrections",
                5,
                "Lire la correction commentée et la référence à consulter pour chaque erreur.",
            ),
            (
                "Suivre sa progression",
                3,
                (
                    "Le vendredi, consulter son tableau de bord et noter les thèmes sous 60 % de "
                    "réussite, à aborder au prochain atelier."
                ),
            ),
        ],
    ),
    (
        "La météo d'entrée en classe virtuelle",
        (
            "Chacun choisit un pictogramme météo pour dire dans quel état il arrive : un "
            "brise-glace de dix minutes qui réchauffe la visio."
        ),
        (5, 15),
        (3, 25),
        "remote",
        "discovery",
        "ice_breaker",
        ["pedagogie-et-animation"],
        [
            "Faire entendre chaque voix dès le début",
            "Vérifier le micro et la caméra de chacun",
            "Ajuster l'animation à l'énergie du groupe",
        ],
        [
            (
                "Afficher la météo",
                1,
                (
                    "Partager une diapositive avec six pictogrammes numérotés, du grand soleil à "
                    "l'orage."
                ),
            ),
            (
                "Se positionner",
                3,
                "Au top, chacun écrit son numéro dans la discussion, tous en même temps.",
            ),
            (
                "Un mot chacun",
                6,
                (
                    "Inviter chacun à ouvrir son micro et dire une phrase sur son choix ; "
                    "commencer soi-même pour donner l'exemple."
                ),
            ),
        ],
    ),
    (
        "Conférence flash Ac'Truc² avec questions en direct",
        (
            "Une conférence d'actualité juridique de 30 minutes en visio, rythmée par des sondages "
            "et des questions votées en direct."
        ),
        (45, 60),
        (10, 150),
        "remote",
        "intermediate",
        "facilitation_method",
        ["actualite-juridique"],
        [
            "Présenter une réforme récente en un temps court",
            "Maintenir l'attention d'un grand public à distance",
            "Répondre aux questions pratiques des services",
        ],
        [
            (
                "Sondage d'ouverture",
                5,
                (
                    "Lancer un sondage de deux questions pour mesurer ce que les participants "
                    "savent déjà de la réforme présentée."
                ),
            ),
            (
                "Exposé en trois temps",
                30,
                (
                    "Présenter ce qui change, pour qui et à partir de quand, avec un exemple par "
                    "service ; un co-animateur regroupe les questions posées dans la discussion."
                ),
            ),
            (
                "Questions en direct",
                15,
                (
                    "Répondre aux questions les plus votées ; noter celles qui demandent une "
                    "vérification et promettre une réponse écrite."
                ),
            ),
            (
                "Ressources",
                5,
                (
                    "Partager le support, les textes de référence et le lien vers la foire aux "
                    "questions mise à jour après la séance."
                ),
            ),
        ],
    ),
    (
        "Rétrospective de projet sur tableau blanc collaboratif",
        (
            "Un bilan de projet à distance sur un tableau blanc en ligne : ce qui a aidé, ce qui a "
            "freiné, ce qu'on garde et ce qu'on change."
        ),
        (60, 90),
        (4, 12),
        "remote",
        "expert",
        "facilitation_method",
        ["numerique-et-innovation", "management"],
        [
            "Tirer les enseignements d'un projet sans chercher de coupable",
            "Faire contribuer chacun, même à distance",
            "Décider de trois changements pour le prochain projet",
        ],
        [
            (
                "Préparer le tableau",
                10,
                (
                    "Créer un tableau en ligne avec une frise du projet et quatre zones (a aidé, a "
                    "freiné, à garder, à changer) ; vérifier l'accès de chacun en début de séance."
                ),
            ),
            (
                "Frise des moments clés",
                15,
                (
                    "Chacun place sur la frise les moments marquants du projet, avec une étiquette "
                    "verte ou rouge selon son ressenti."
                ),
            ),
            (
                "Contributions silencieuses",
                15,
                (
                    "Pendant dix minutes, chacun remplit les quatre zones avec des post-it "
                    "virtuels, sans discussion."
                ),
            ),
            (
                "Regrouper et voter",
                20,
                (
                    "Regrouper les post-it proches, puis donner trois votes à chacun pour choisir "
                    "les changements prioritaires."
                ),
            ),
            (
                "Plan d'action",
                15,
                (
                    "Pour chaque changement retenu, inscrire un porteur et une échéance "
                    "directement sur le tableau."
                ),
            ),
        ],
    ),
    (
        "Éco'Truc² : le bilan carbone de mon poste numérique",
        (
            "Une rencontre Éco'Truc² à distance pour estimer l'empreinte de ses usages numériques "
            "et choisir deux gestes de sobriété."
        ),
        (45, 60),
        (5, 30),
        "remote",
        "intermediate",
        "analysis_tool",
        ["developpement-durable", "numerique-et-innovation"],
        [
            "Estimer l'empreinte de ses équipements et de ses usages numériques",
            "Comprendre que la fabrication pèse plus que l'usage",
            "Choisir des gestes de sobriété numérique adaptés à son poste",
        ],
        [
            (
                "Recenser ses équipements",
                10,
                (
                    "Chacun remplit un tableau partagé : ordinateur, écrans, téléphone, "
                    "imprimante, avec l'année d'achat."
                ),
            ),
            (
                "Estimer",
                15,
                (
                    "Utiliser un calculateur d'empreinte en ligne reconnu pour estimer le poids de "
                    "chaque équipement et des usages (visio, stockage, courriels)."
                ),
            ),
            (
                "Comprendre",
                10,
                (
                    "Commenter les résultats : la fabrication des équipements pèse l'essentiel de "
                    "l'empreinte, d'où l'intérêt d'allonger leur durée de vie."
                ),
            ),
            (
                "S'engager",
                10,
                (
                    "Chacun écrit dans la discussion deux gestes qu'il adopte ; les reprendre dans "
                    "la lettre Éco'Truc² du mois."
                ),
            ),
        ],
    ),
    (
        "Co-développement entre managers",
        (
            "Un manager expose une situation réelle, ses pairs l'aident par des questions puis des "
            "suggestions ; la séance en salle se prolonge en ligne."
        ),
        (90, 120),
        (4, 8),
        "blended",
        "expert",
        "facilitation_method",
        ["management"],
        [
            "Aider un pair à avancer sur une situation professionnelle réelle",
            "Développer l'écoute et le questionnement",
            "Tirer des apprentissages pour sa propre pratique",
        ],
        [
            (
                "Exposé du client",
                15,
                (
                    "Un manager volontaire expose sa situation (une équipe divisée après une "
                    "réorganisation, par exemple) et dit ce qu'il attend du groupe."
                ),
            ),
            (
                "Questions de clarification",
                20,
                (
                    "Les consultants posent uniquement des questions ouvertes ; le client "
                    "reformule ensuite sa demande."
                ),
            ),
            (
                "Suggestions",
                30,
                (
                    "Chaque consultant propose ses pistes ; le client écoute, prend des notes et "
                    "ne répond pas."
                ),
            ),
            (
                "Plan d'action",
                20,
                (
                    "Le client dit ce qu'il retient et fixe ses prochaines actions ; chacun "
                    "partage ensuite un apprentissage pour lui-même."
                ),
            ),
            (
                "Suivi en ligne",
                10,
                (
                    "Un mois plus tard, le client donne des nouvelles sur l'espace de la "
                    "communauté des managers et les consultants réagissent."
                ),
            ),
        ],
    ),
    (
        "Construire son déroulé pédagogique",
        (
            "Un gabarit de déroulé rempli en ligne puis relu en atelier, pour que le formateur "
            "occasionnel prépare sa première séance."
        ),
        (90, 150),
        (3, 12),
        "blended",
        "discovery",
        "analysis_tool",
        ["pedagogie-et-animation"],
        [
            "Formuler des objectifs pédagogiques observables",
            "Découper une séance en séquences qui alternent apports et pratique",
            "Prévoir le matériel et l'évaluation",
        ],
        [
            (
                "Remplir le gabarit",
                45,
                (
                    "Avant l'atelier, chaque formateur remplit en ligne le gabarit : public, "
                    "objectifs commençant par un verbe d'action, séquences, durées, méthodes, "
                    "matériel."
                ),
            ),
            (
                "Relecture croisée",
                40,
                (
                    "En atelier, par trois, relire le déroulé d'un autre avec une grille : "
                    "objectifs observables, pas plus de 20 minutes d'exposé d'affilée, une "
                    "évaluation prévue."
                ),
            ),
            (
                "Améliorer",
                25,
                (
                    "Chacun corrige son déroulé et choisit dans la bibliothèque une activité à "
                    "insérer pour faire pratiquer."
                ),
            ),
            (
                "Partager",
                10,
                (
                    "Déposer les déroulés finalisés dans l'espace partagé des formateurs "
                    "occasionnels."
                ),
            ),
        ],
    ),
    (
        "Étude de cas : une demande de communication de documents administratifs",
        (
            "Traiter pas à pas la demande d'un habitant qui réclame des documents : caractère "
            "communicable, occultations, réponse et voies de recours."
        ),
        (90, 120),
        (4, 16),
        "face_to_face",
        "expert",
        "case_study",
        ["actualite-juridique", "accueil-du-public"],
        [
            "Déterminer si un document est communicable, et à qui",
            "Repérer les mentions à occulter avant communication",
            "Rédiger une réponse dans les délais en indiquant les voies de recours",
        ],
        [
            (
                "Présenter la demande",
                10,
                (
                    "Distribuer le courriel d'un habitant qui demande le rapport d'un bureau "
                    "d'études sur la rénovation d'une école, les factures et les courriers "
                    "échangés avec un riverain."
                ),
            ),
            (
                "Analyser",
                35,
                (
                    "En sous-groupes, examiner chaque document avec un extrait du Code des "
                    "relations entre le public et l'administration : achevé ou non, communicable à "
                    "tous, en partie ou pas du tout."
                ),
            ),
            (
                "Occulter et répondre",
                35,
                (
                    "Repérer sur les copies les mentions à occulter (vie privée du riverain, "
                    "secret des affaires) et rédiger le courrier de réponse."
                ),
            ),
            (
                "Corriger",
                20,
                (
                    "Comparer les réponses ; rappeler que le silence gardé pendant un mois vaut "
                    "refus et que le demandeur dispose alors de deux mois pour saisir la CADA."
                ),
            ),
        ],
    ),
    (
        "Publipostage : les convocations en 45 minutes",
        (
            "Un atelier « Un truc² en + » sur un cas réel : envoyer 80 convocations personnalisées "
            "à partir d'un tableau d'inscrits."
        ),
        (45, 60),
        (4, 12),
        "face_to_face",
        "intermediate",
        "case_study",
        ["outils-bureautiques"],
        [
            "Préparer une source de données propre dans le tableur",
            "Insérer des champs de fusion dans un courrier",
            "Générer et vérifier les documents avant envoi",
        ],
        [
            (
                "Présenter le cas",
                5,
                (
                    "Exposer le besoin : le service des sports doit convoquer 80 bénévoles à des "
                    "créneaux différents, à partir du tableau d'inscrits fourni."
                ),
            ),
            (
                "Nettoyer la source",
                15,
                (
                    "Chacun vérifie le tableau sur son poste : une seule ligne d'en-tête, une "
                    "colonne par information, aucune cellule fusionnée."
                ),
            ),
            (
                "Fusionner",
                20,
                (
                    "Insérer les champs (nom, prénom, créneau, lieu) dans le modèle de "
                    "convocation, ajouter une phrase conditionnelle pour les bénévoles mineurs et "
                    "prévisualiser."
                ),
            ),
            (
                "Vérifier et produire",
                10,
                (
                    "Contrôler trois convocations au hasard, puis générer le document final ou "
                    "l'envoi par courriel."
                ),
            ),
        ],
    ),
]
