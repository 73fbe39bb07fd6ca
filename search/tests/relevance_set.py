"""The relevance test set: queries an agent would type, and the demo page that should answer.

Each expectation was chosen by reading the demo content (community/, resources/, events/
demo*.py), not by looking at what the engine returns: it is the page a trainer of the training
team would hand over for that query. Run by search/tests/test_relevance.py (expected title in
the top 3) and, as a table with ranks, by bench/relevance.py.
"""

from typing import NamedTuple

TOP = 3
# A demo agent (not a trainer, not the training team): sees what most people see.
AGENT_EMAIL = "marc.dubois@atelier.example"


def result_titles(client, query):
    """The titles of the first page of results, best first, as /recherche/?format=json
    gives them to ``client``."""
    response = client.get("/recherche/", {"q": query, "format": "json"})
    assert response.status_code == 200, response.status_code
    return [result["title"] for result in response.json()["results"]]


def rank(titles, expected):
    """The 1-based rank of ``expected`` among ``titles``, or None."""
    return titles.index(expected) + 1 if expected in titles else None


class Case(NamedTuple):
    aspect: str  # what the query exercises
    query: str
    expected: str  # the title of the result that must be in the top 3
    why: str


CASES = [
    # Accent-free spellings: agents often type without accents.
    Case(
        "accents",
        "evaluation a chaud",
        "La roue de l'évaluation à chaud",
        "The only activity about hot evaluation; 'évaluation à chaud' is in its title.",
    ),
    Case(
        "accents",
        "ecogestes numeriques",
        "Les écogestes numériques au bureau",
        "The workshop whose title is exactly these two words (the e-learning module only "
        "names them in an objective).",
    ),
    Case(
        "accents",
        "desamorcer les incivilites",
        "Désamorcer les incivilités au guichet",
        "The workshop's title, typed without accents.",
    ),
    Case(
        "accents",
        "deleguer sans se defausser",
        "Déléguer sans se défausser",
        "The management workshop of that title (the activity adds ': la matrice de délégation').",
    ),
    Case(
        "accents",
        "elodie fontaine",
        "Élodie Fontaine",
        "A trainer's name without the accent on the É.",
    ),
    Case(
        "accents",
        "reviser le statut de la fonction publique",
        "Réviser le statut de la fonction publique",
        "The exam-preparation workshop on the civil-service statute.",
    ),
    # Plurals and other inflections.
    Case(
        "inflection",
        "reunions participatives",
        "Animer une réunion participative",
        "Plural of the training path's title words.",
    ),
    Case(
        "inflection",
        "animation d'une reunion participative",
        "Animer une réunion participative",
        "'animation' must find 'Animer' (issue: 'animer' finds 'animation').",
    ),
    Case(
        "inflection",
        "formations de formateurs internes",
        "Devenir formateur interne",
        "Plural 'formations'/'formateurs' for the path that trains in-house trainers.",
    ),
    Case(
        "inflection",
        "devenir formatrice interne",
        "Devenir formateur interne",
        "The feminine form a woman agent types; the path is written in the masculine.",
    ),
    Case(
        "inflection",
        "jeux de roles entretien professionnel",
        "Le jeu de rôle de l'entretien professionnel annuel",
        "Plural 'jeux de rôles' for the role-play activity on the annual appraisal.",
    ),
    Case(
        "inflection",
        "faire face aux usagers agressifs",
        "Faire face à un usager agressif au guichet",
        "Plural of the training need's title: an agent looking for colleagues with the same need.",
    ),
    Case(
        "inflection",
        "envoyer des courriers personnalises",
        "Le publipostage : des convocations en un clic",
        "The mail-merge workshop 'produces a hundred personalised letters'; the activity "
        "speaks of 'convocations' instead.",
    ),
    Case(
        "inflection",
        "parcours pour accueillir le public",
        "Bien accueillir le public",
        "The training path for new front-desk agents ('accueillir' / 'accueil').",
    ),
    # Typos: the engine broadens to OR or corrects the spelling.
    Case(
        "typo",
        "tableau croisé dynamiqe",
        "Tableau croisé dynamique en 30 minutes",
        "The issue's own typo example; the activity's title is the query, singular.",
    ),
    Case(
        "typo",
        "brise glasse",
        "Le bingo des collègues",
        "The in-person ice-breaker of the library, described as 'Un brise-glace'.",
    ),
    Case(
        "typo",
        "fresque du climar",
        "La fresque du climat adaptée aux services municipaux",
        "The climate fresco activity, last letter mistyped.",
    ),
    Case(
        "typo",
        "raccourcis clavir",
        "Les raccourcis clavier qui font gagner du temps",
        "The keyboard-shortcuts workshop, one letter missing.",
    ),
    Case(
        "typo",
        "visioconferance",
        "Réussir sa visioconférence",
        "One-word query with a typo: only the spelling correction can find the workshop.",
    ),
    Case(
        "typo",
        "note de syntese",
        "La note de synthèse, pas à pas",
        "The exam workshop on the 'note de synthèse', 'h' forgotten.",
    ),
    Case(
        "typo",
        "entretient professionnel annuel",
        "Conduire l'entretien professionnel annuel",
        "The managers' appraisal workshop, with the common 'entretient' misspelling.",
    ),
    # Multi-word needs, as a sentence.
    Case(
        "multi-word",
        "un brise-glace pour 12 personnes",
        "Le bingo des collègues",
        "The issue's example: the in-person ice-breaker for 8 to 30 people (the other one "
        "is for a virtual class).",
    ),
    Case(
        "multi-word",
        "atelier excel tableaux croisés dynamiques",
        "Les tableaux croisés dynamiques sur tableur",
        "The issue's 'workshop on Excel pivot tables'; the demo says 'tableur', not Excel.",
    ),
    Case(
        "multi-word",
        "préparer l'oral d'un concours avec un jury blanc",
        "Préparer l'oral d'un concours",
        "The workshop is a mock jury ('Un jury blanc composé d'agents lauréats').",
    ),
    Case(
        "multi-word",
        "clauses environnementales marché public",
        "Acheter responsable : les clauses environnementales",
        "The green public procurement workshop.",
    ),
    Case(
        "multi-word",
        "réduire les déchets de mon service",
        "Réduire les déchets du service",
        "The workshop with a waste-reduction action plan for one's team.",
    ),
    Case(
        "multi-word",
        "boite mail pleine",
        "Gérer sa boîte mail sans s'y noyer",
        "An overflowing mailbox; 'pleine' is in no text, 'boite mail' is in the title.",
    ),
    Case(
        "multi-word",
        "methode des 5 pourquoi",
        "La méthode des 5 pourquoi",
        "The root-cause activity; the number is dropped from the query, 'pourquoi' stays.",
    ),
    Case(
        "multi-word",
        "classe inversee deontologie",
        "Classe inversée : les obligations déontologiques des agents",
        "The flipped-classroom activity on civil servants' ethics ('déontologiques').",
    ),
    # People, by name or by what they know.
    Case("person", "Nathalie Girard", "Nathalie Girard", "A trainer by full name."),
    Case("person", "girard", "Nathalie Girard", "A trainer by surname only, lower case."),
    Case(
        "person",
        "ingenieure pedagogique",
        "Sophie Lefèvre",
        "Her bio starts 'Ingénieure pédagogique'; workshops only mention one in passing.",
    ),
    Case(
        "person",
        "acheteur public",
        "Lucas Robert",
        "His bio: 'Acheteur public'; the person to ask about public procurement.",
    ),
    Case(
        "person",
        "formatrice excel tableur",
        "Nathalie Girard",
        "Excel is her skill and she runs the spreadsheet workshops.",
    ),
    # Training needs on the needs board.
    Case(
        "need",
        "ecriture inclusive",
        "L'écriture inclusive : ce que dit la règle pour nos documents",
        "Only the need speaks of inclusive writing.",
    ),
    Case(
        "need",
        "travailler à plusieurs sur un document",
        "Travailler à plusieurs sur un même document",
        "The need for collaborative editing, nearly its title.",
    ),
    Case(
        "need",
        "manager une equipe en teletravail",
        "Manager une équipe à distance",
        "The need of a manager whose team 'télétravaille'.",
    ),
    Case(
        "need",
        "FALC",
        "Rédiger en FALC (facile à lire et à comprendre)",
        "The FALC need (the FALC workshop is an unpublished draft and must not show).",
    ),
    # Exchange events.
    Case(
        "event",
        "communaute de pratique des formateurs",
        "Communauté de pratique des formateurs internes",
        "The trainers' community of practice meeting.",
    ),
    Case(
        "event",
        "mutuelle prevoyance reforme",
        "Ac'Truc² : la réforme de la protection sociale complémentaire",
        "The legal-news conference on supplementary social protection (mutuelle, prévoyance).",
    ),
    Case(
        "event",
        "intelligence artificielle",
        "Ac'Truc² : l'intelligence artificielle dans nos services",
        "The conference on AI in local services.",
    ),
    Case(
        "event",
        "rencontre des managers",
        "Communauté des managers : la rencontre trimestrielle",
        "The managers' quarterly meeting.",
    ),
    Case(
        "event",
        "rencontre mensuelle eco truc",
        "Rencontre mensuelle Eco'Truc²",
        "The monthly sustainability meetup, typed without the '²' nobody has on a keyboard.",
    ),
    Case(
        "event",
        "temoignages des laureats du concours",
        "Prépa'Truc² : les lauréats racontent",
        "Last year's successful candidates tell their story.",
    ),
    # Training paths.
    Case(
        "path",
        "parcours du formateur interne",
        "Parcours du formateur interne",
        "The path of the agents' school, by its title.",
    ),
    Case(
        "path",
        "preparer le concours de redacteur",
        "Préparer le concours de rédacteur",
        "The exam-preparation path, accent-free.",
    ),
    # Content pages.
    Case(
        "page",
        "a propos d'atelier",
        "À propos d'Atelier",
        "The about page, typed without the accent on the À.",
    ),
    Case(
        "page",
        "role des agents et des formateurs",
        "Qui fait quoi ?",
        "The page that explains the roles of agents, trainers and the training team.",
    ),
    # Activities by topic.
    Case(
        "topic",
        "six chapeaux de bono",
        "Les six chapeaux de Bono pour examiner un projet",
        "De Bono's six hats activity.",
    ),
    Case(
        "topic",
        "world cafe",
        "World café sur l'accueil de demain",
        "The world café activity, accent-free.",
    ),
    Case(
        "topic",
        "accueil telephonique",
        "Accueil téléphonique : les bons réflexes",
        "The phone-reception workshop (the simulated-calls activity is a fair second).",
    ),
    Case(
        "topic",
        "agenda partagé créneau commun",
        "Organiser son agenda partagé",
        "Finding a common slot for six people is that workshop's promise.",
    ),
]
