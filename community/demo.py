"""Demo content of the community app: accounts across services, the home page, the
accessibility statement and the editorial pages. Realistic French content from the seeds."""

import datetime

from wagtail.models import Page

from community.demo_registry import register
from community.factories import (
    AccessibilityStatementPageFactory,
    HomePageFactory,
    StandardPageFactory,
    UserFactory,
)
from community.models import HomePage, User
from community.roles import TRAINERS, TRAINING_TEAM
from community.sites import install_home_page

DEMO_PASSWORD = "atelier-demo"  # noqa: S105 — published in the README, refused in production
ADMIN_EMAIL = "admin@atelier.example"

# (first name, last name, e-mail local part, service, job title, roles)
PEOPLE = [
    (
        "Claire",
        "Moreau",
        "claire.moreau",
        "Direction des ressources humaines",
        "Responsable du service formation",
        [TRAINING_TEAM],
    ),
    (
        "Karim",
        "Benali",
        "karim.benali",
        "Direction des ressources humaines",
        "Conseiller formation",
        [TRAINING_TEAM],
    ),
    (
        "Sophie",
        "Lefèvre",
        "sophie.lefevre",
        "Direction des ressources humaines",
        "Chargée d'ingénierie pédagogique",
        [TRAINING_TEAM],
    ),
    (
        "Nathalie",
        "Girard",
        "nathalie.girard",
        "Direction des systèmes d'information",
        "Assistante bureautique",
        [TRAINERS],
    ),
    (
        "Thomas",
        "Martin",
        "thomas.martin",
        "Direction des finances",
        "Contrôleur de gestion",
        [TRAINERS],
    ),
    (
        "Amina",
        "Diallo",
        "amina.diallo",
        "Direction de l'action sociale",
        "Travailleuse sociale",
        [TRAINERS],
    ),
    (
        "Julien",
        "Roux",
        "julien.roux",
        "Direction de l'espace public",
        "Chef d'équipe propreté",
        [TRAINERS],
    ),
    (
        "Élodie",
        "Fontaine",
        "elodie.fontaine",
        "Direction du développement durable",
        "Chargée de mission transition écologique",
        [TRAINERS],
    ),
    ("Marc", "Dubois", "marc.dubois", "Service état civil", "Officier d'état civil", []),
    ("Isabelle", "Petit", "isabelle.petit", "Pôle culture et bibliothèques", "Bibliothécaire", []),
    ("Hugo", "Bernard", "hugo.bernard", "Direction des sports", "Éducateur sportif", []),
    ("Fatima", "Haddad", "fatima.haddad", "Accueil de l'hôtel de ville", "Agente d'accueil", []),
    ("Lucas", "Robert", "lucas.robert", "Direction de la commande publique", "Acheteur public", []),
    ("Céline", "Garnier", "celine.garnier", "Direction de l'enfance", "Directrice de crèche", []),
]

ROLES_PAGE_BODY = [
    (
        "paragraph",
        "<p>Atelier sert trois rôles. Chacun peut en changer : un agent qui anime un "
        "atelier devient formateur, un formateur reste un apprenant.</p>",
    ),
    ("heading", {"text": "Les agents", "level": "h2"}),
    (
        "paragraph",
        "<p>Ils parcourent la bibliothèque et le catalogue, s'inscrivent aux ateliers, "
        "donnent leur avis après chaque séance, expriment leurs besoins de formation et peuvent "
        "proposer d'animer à leur tour.</p>",
    ),
    ("heading", {"text": "Les formateurs internes", "level": "h2"}),
    (
        "paragraph",
        "<p>Ils publient des activités pédagogiques, adaptent celles de leurs collègues "
        "en gardant l'attribution, animent des séances et reçoivent des badges qui reconnaissent "
        "leur engagement — jusqu'à 90 heures d'animation par an.</p>",
    ),
    ("heading", {"text": "L'équipe formation", "level": "h2"}),
    (
        "paragraph",
        "<p>Elle organise le catalogue, modère et publie les contenus, planifie les "
        "séances, suit les présences et mesure l'impact des formations.</p>",
    ),
]

ABOUT_PAGE_BODY = [
    (
        "paragraph",
        "<p>Atelier est né d'un constat partagé par les collectivités : 95 % des "
        "formations sont en présentiel et descendantes, un inscrit sur quatre ne vient pas, et "
        "les formateurs internes manquent de temps, d'outils et de reconnaissance.</p>",
    ),
    (
        "quote",
        {
            "text": "Par et pour les agents : chacun peut être tour à tour animateur et apprenti.",
            "attribution": "L'école TRUC², une école d'agent à agent",
        },
    ),
    (
        "paragraph",
        "<p>Atelier réunit une bibliothèque d'activités réutilisables, des parcours "
        "mêlant les modalités, un catalogue d'ateliers avec inscriptions et liste d'attente, et "
        "une communauté de formateurs qui s'entraident.</p>",
    ),
]

ABOUT_CARD = "Le constat, les collectivités qui l'ont partagé et ce qu'Atelier change."
ROLES_CARD = "Agents, formateurs, équipe formation : qui peut faire quoi."
STATEMENT_CARD = "L'état de conformité du site au RGAA et comment nous signaler un défaut."


def _ensure_user(report, first_name, last_name, local_part, service, job_title, roles):
    email = f"{local_part}@atelier.example"
    exists = User.objects.filter(email__iexact=email).exists()
    if not exists:
        UserFactory(
            email=email,
            first_name=first_name,
            last_name=last_name,
            service=service,
            job_title=job_title,
            password=DEMO_PASSWORD,
            roles=roles,
        )
    report.add("comptes", not exists)


def _ensure_admin(report):
    exists = User.objects.filter(email__iexact=ADMIN_EMAIL).exists()
    if not exists:
        User.objects.create_superuser(
            ADMIN_EMAIL,
            DEMO_PASSWORD,
            first_name="Admin",
            last_name="Démo",
            service="Direction des ressources humaines",
            job_title="Administratrice du site",
        )
    report.add("comptes", not exists)


def _ensure_home(report):
    """Replace Wagtail's placeholder page with our home page and make it the site's root."""
    home = HomePage.objects.first()
    report.add("pages", home is None)
    if home is None:
        root = Page.get_first_root_node()
        home = HomePageFactory(
            parent=root,
            title="Accueil",
            slug="accueil",
            hero_title="Apprendre entre collègues, partager ce qui marche",
            hero_text=(
                "Atelier est la communauté des formateurs internes et des agents de la "
                "collectivité : une bibliothèque d'activités pédagogiques réutilisables, des "
                "ateliers d'agent à agent et des échanges entre pairs."
            ),
        )
        install_home_page(home)
    return home


def _ensure_child(report, home, factory, slug, **fields):
    page = Page.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = factory(parent=home, slug=slug, **fields)
        report.add("pages", True)
    else:
        report.add("pages", False)
    return page.specific


@register
def load(report):
    _ensure_admin(report)
    for person in PEOPLE:
        _ensure_user(report, *person)

    created_home = not HomePage.objects.exists()
    home = _ensure_home(report)

    about = _ensure_child(
        report,
        home,
        StandardPageFactory,
        "a-propos",
        title="À propos d'Atelier",
        intro="Pourquoi une communauté de pratique des formateurs internes.",
        body=ABOUT_PAGE_BODY,
        show_in_menus=True,
    )
    roles = _ensure_child(
        report,
        home,
        StandardPageFactory,
        "qui-fait-quoi",
        title="Qui fait quoi ?",
        intro="Agents, formateurs internes, équipe formation : les rôles dans Atelier.",
        body=ROLES_PAGE_BODY,
        show_in_menus=True,
    )
    statement = _ensure_child(
        report,
        home,
        AccessibilityStatementPageFactory,
        "accessibilite",
        title="Déclaration d'accessibilité",
        organisation="La collectivité",
        compliance_status="partial",
        technologies="HTML5, CSS, JavaScript",
        contact_email="accessibilite@atelier.example",
        statement_date=datetime.date(2026, 11, 25),
        non_accessible_content=(
            "<ul><li>Aucun audit complet n'a encore été réalisé : la conformité déclarée "
            "repose sur les tests automatisés et manuels de l'équipe.</li></ul>"
        ),
    )

    if created_home:
        home.hero_link = roles
        home.hero_link_text = "Découvrir les rôles"
        home.body = [
            ("heading", {"text": "Une école d'agent à agent", "level": "h2"}),
            (
                "paragraph",
                "<p>Chaque agent peut être tour à tour animateur et apprenti. "
                "Ateliers pratiques sur les outils bureautiques, conférences sur l'actualité "
                "juridique, préparation aux concours, rencontres mensuelles sur le "
                "développement durable : Atelier rassemble l'offre et ceux qui la font vivre."
                "</p>",
            ),
            (
                "section_links",
                {
                    "heading": "Pour commencer",
                    "links": [
                        {"page": about, "title": "", "description": ABOUT_CARD},
                        {"page": roles, "title": "", "description": ROLES_CARD},
                        {"page": statement, "title": "", "description": STATEMENT_CARD},
                    ],
                },
            ),
        ]
        home.save_revision().publish()


# The other community loaders (profiles, then badges and needs once the other apps' facts exist).
from community import demo_badges, demo_editorial, demo_needs, demo_profiles  # noqa: E402, F401
