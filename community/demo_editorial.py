"""Demo editorial pages written from the seeds: who does what, how to become an in-house
trainer (and the 90 hours a year), the TRUC² facilitators' charter with a printable copy.

They sit under « Qui fait quoi ? », whose page lists them (“Dans cette rubrique”).
"""

from django.core.files.base import ContentFile
from django.urls import reverse
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.models import Page

from community.demo import _ensure_child
from community.demo_registry import register
from community.factories import StandardPageFactory
from community.mail import absolute
from community.models import HomePage

ROLES_SLUG = "qui-fait-quoi"
CHARTER_TITLE = "Charte de l'animateur TRUC²"
CHARTER_FILE = "charte-animateur-truc2.pdf"

ROLES_AND_SUPPORT = [
    (
        "paragraph",
        "<p>« On ne sait pas toujours qui fait quoi » : c'est ce que les agents de la "
        "métropole ont dit le plus souvent quand nous leur avons demandé ce qui freinait la "
        "formation. Cette page pose les rôles à plat. Personne n'est enfermé dans l'un d'eux : "
        "l'agent qui anime un atelier le mardi est apprenti le jeudi.</p>",
    ),
    ("heading", {"text": "L'agent", "level": "h2"}),
    (
        "paragraph",
        "<p>Il est au cœur du dispositif : c'est pour lui que tout existe.</p>"
        "<ul><li>il parcourt le catalogue et s'inscrit aux ateliers, en prévenant son manager ;"
        "</li><li>il se désinscrit dès qu'il sait qu'il ne pourra pas venir, pour libérer sa "
        "place ;</li><li>il répond au questionnaire après chaque séance : c'est ce qui fait "
        "évoluer les ateliers ;</li><li>il exprime ses besoins sur le tableau des besoins et "
        "peut proposer d'animer à son tour.</li></ul>",
    ),
    ("heading", {"text": "Le formateur interne", "level": "h2"}),
    (
        "paragraph",
        "<p>C'est un agent qui partage un savoir-faire de son métier avec ses collègues, en "
        "plus de son poste, jusqu'à 90 heures par an. Il conçoit ou adapte ses séances à "
        "partir de la bibliothèque d'activités, anime, puis lit les retours des participants "
        "pour améliorer la fois suivante. Il n'est pas seul : l'équipe formation "
        "l'accompagne à chaque étape.</p>",
    ),
    ("heading", {"text": "L'équipe formation", "level": "h2"}),
    (
        "paragraph",
        "<p>Une quarantaine de personnes à la direction des ressources humaines. Elle :</p>"
        "<ul><li>construit le catalogue et les parcours avec les directions ;</li>"
        "<li>forme et accompagne les formateurs internes (ingénierie pédagogique, relecture "
        "des supports, observation croisée) ;</li><li>planifie les séances, réserve les "
        "salles et suit les présences ;</li><li>modère les contenus et les discussions ;</li>"
        "<li>mesure l'impact des formations et en rend compte.</li></ul>",
    ),
    ("heading", {"text": "Le manager", "level": "h2"}),
    (
        "paragraph",
        "<p>Sans lui, rien ne tient. Le manager repère les besoins de son équipe lors des "
        "entretiens annuels, autorise les départs en formation et veille à ce qu'ils soient "
        "compatibles avec le service. Il donne son accord au temps d'animation d'un formateur "
        "interne et, au retour d'une formation, aide l'agent à mettre en pratique ce qu'il a "
        "appris.</p>",
    ),
    (
        "quote",
        {
            "text": "Quand mon chef m'a demandé ce que j'avais retenu de l'atelier, j'ai "
            "compris que ça comptait vraiment.",
            "attribution": "Une agente d'accueil, après un atelier sur l'accueil téléphonique",
        },
    ),
    ("heading", {"text": "Qui contacter ?", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Une question sur une inscription ou une absence : l'équipe formation, "
        "à formation@atelier.example.</li><li>Une idée d'atelier ou l'envie d'animer : "
        "votre conseiller formation, ou directement le formulaire de proposition.</li>"
        "<li>Une question de pratique pédagogique : le forum « Entre formateurs ».</li></ul>",
    ),
]

BECOMING_A_TRAINER = [
    (
        "paragraph",
        "<p>Environ 250 agents forment déjà leurs collègues, chacun dans son domaine : "
        "bureautique, accueil du public, marchés publics, gestes et postures, état civil. Ils "
        "ne sont pas formateurs de métier ; ils savent faire quelque chose et ont envie de le "
        "transmettre. Si c'est votre cas, voici le chemin.</p>",
    ),
    ("heading", {"text": "Le parcours en quatre étapes", "level": "h2"}),
    (
        "paragraph",
        "<ol><li><b>Proposer</b> : décrivez en quelques lignes ce que vous voulez "
        "transmettre, à qui et en combien de temps.</li><li><b>Échanger</b> avec un conseiller "
        "formation, qui vérifie avec vous le besoin, le public et l'accord de votre manager."
        "</li><li><b>Se former</b> : deux journées « Concevoir et animer une séance » "
        "(objectifs, déroulé, activités, évaluation), puis une demi-journée sur la classe "
        "virtuelle si vous animez à distance.</li><li><b>Animer</b> : une première séance en "
        "binôme avec un formateur expérimenté, puis en autonomie, avec un retour de "
        "l'équipe formation après chaque série.</li></ol>",
    ),
    ("heading", {"text": "90 heures par an, sur le temps de travail", "level": "h2"}),
    (
        "paragraph",
        "<p>Un formateur interne peut animer jusqu'à <b>90 heures par an</b>, préparation "
        "comprise, sur son temps de travail et avec l'accord de son manager. Les heures "
        "animées s'affichent sur votre profil, avec ce qu'il vous reste pour l'année : votre "
        "manager et vous voyez le même chiffre, et l'équipe formation ne vous propose pas de "
        "séance au-delà.</p>",
    ),
    ("heading", {"text": "Une reconnaissance visible", "level": "h2"}),
    (
        "paragraph",
        "<p>Chaque étape est reconnue par un badge numérique ouvert (Open Badges) que vous "
        "pouvez afficher sur votre profil ou exporter : première animation, dix séances "
        "animées, activité réutilisée par des collègues… Votre engagement est aussi mentionné "
        "dans votre entretien annuel, et une attestation vous est remise chaque année.</p>",
    ),
    (
        "quote",
        {
            "text": "J'avais peur de ne pas être légitime. Au bout de trois séances, ce sont "
            "les collègues qui me demandaient la date de la suivante.",
            "attribution": "Nathalie, formatrice interne en bureautique",
        },
    ),
    (
        "call_to_action",
        {
            "text": "Proposer un atelier",
            "page": None,
            "url": absolute(reverse("events:propose")),
            "description": "Quelques lignes suffisent : un conseiller formation vous "
            "recontacte sous quinze jours.",
        },
    ),
]

CHARTER = [
    (
        "paragraph",
        "<p>TRUC² est une école d'agent à agent. Cette charte dit ce que les animateurs "
        "s'engagent à faire, et ce qu'ils peuvent attendre en retour. Elle a été écrite par "
        "le groupe de travail qui enrichit le programme chaque trimestre.</p>",
    ),
    ("heading", {"text": "Par et pour les agents", "level": "h2"}),
    (
        "paragraph",
        "<p>Les ateliers partent des besoins exprimés par les collègues et des savoir-faire "
        "présents dans les services. On y parle de situations réelles, avec les outils que "
        "nous utilisons vraiment.</p>",
    ),
    ("heading", {"text": "Tour à tour animateur et apprenti", "level": "h2"}),
    (
        "paragraph",
        "<p>Chacun peut animer un atelier et en suivre d'autres. L'animateur n'est pas un "
        "expert qui sait tout : il partage ce qu'il pratique, et apprend aussi de son groupe."
        "</p>",
    ),
    ("heading", {"text": "La bienveillance", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>toutes les questions sont légitimes, aucune n'est « bête » ;</li>"
        "<li>on ne juge pas le niveau de départ de quelqu'un ;</li><li>ce qui se dit sur les "
        "difficultés d'un service reste dans la salle ;</li><li>l'animateur veille à ce que "
        "chacun puisse prendre la parole.</li></ul>",
    ),
    ("heading", {"text": "La préparation", "level": "h2"}),
    (
        "paragraph",
        "<p>Un atelier court se prépare : un objectif clair (« à la fin, vous saurez… »), un "
        "déroulé minuté, une activité où les participants font eux-mêmes, un support à "
        "emporter. L'animateur vérifie la salle ou le lien de la classe virtuelle la veille, "
        "et prévient l'équipe formation au moindre empêchement.</p>",
    ),
    ("heading", {"text": "Le questionnaire après chaque atelier", "level": "h2"}),
    (
        "paragraph",
        "<p>Chaque participant reçoit un court questionnaire après la séance. L'an dernier, "
        "85 % des répondants disaient avoir acquis des compétences utiles, mais seuls 41,6 % "
        "avaient répondu. L'animateur prend deux minutes en fin de séance pour expliquer à "
        "quoi servent les réponses : c'est ce qui fait progresser les ateliers.</p>",
    ),
    (
        "quote",
        {
            "text": "Par et pour les agents : chacun peut être tour à tour animateur et apprenti.",
            "attribution": "La devise de TRUC²",
        },
    ),
    (
        "document",
        {
            "document": None,  # the printable charter, filled in by the loader
            "title": "La charte à imprimer et à afficher",
            "description": "Une page, à signer lors de votre première animation.",
        },
    ),
]

CHARTER_PDF_LINES = [
    "Par et pour les agents : les ateliers partent des besoins des collegues.",
    "Tour a tour animateur et apprenti : chacun partage ce qu'il pratique.",
    "Bienveillance : toutes les questions sont legitimes, chacun prend la parole.",
    "Preparation : un objectif clair, un deroule minute, une activite, un support.",
    "Questionnaire : deux minutes en fin de seance pour en expliquer l'interet.",
    "",
    "Nom de l'animateur : ..................................   Signature :",
]


def charter_pdf():
    """The printable charter, one A4 page (built-in font: nothing to embed)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(0, 12, "Charte de l'animateur TRUC2", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=12)
    for line in CHARTER_PDF_LINES:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _ensure_charter_document(report):
    documents = get_document_model()
    document = documents.objects.filter(title=CHARTER_TITLE).first()
    report.add("documents", document is None)
    if document is None:
        document = documents(title=CHARTER_TITLE)
        document.file.save(CHARTER_FILE, ContentFile(charter_pdf()), save=False)
        document.save()
    return document


def _with_document(body, document):
    return [
        (kind, {**value, "document": document}) if kind == "document" else (kind, value)
        for kind, value in body
    ]


def _with_page_link(body, text, page, description):
    return [
        *body,
        ("call_to_action", {"text": text, "page": page, "url": "", "description": description}),
    ]


@register
def load(report):
    home = HomePage.objects.first()
    roles = Page.objects.child_of(home).filter(slug=ROLES_SLUG).first()
    if roles is None:
        return
    becoming = _ensure_child(
        report,
        roles,
        StandardPageFactory,
        "devenir-formateur-interne",
        title="Devenir formateur interne",
        intro="Le parcours, les 90 heures par an et la reconnaissance de votre engagement.",
        body=BECOMING_A_TRAINER,
    )
    _ensure_child(
        report,
        roles,
        StandardPageFactory,
        "roles-et-accompagnement",
        title="Rôles et accompagnement",
        intro="Agent, formateur interne, équipe formation, manager : qui fait quoi, et vers "
        "qui se tourner.",
        body=_with_page_link(
            ROLES_AND_SUPPORT,
            "Devenir formateur interne",
            becoming,
            "Le parcours pour animer à votre tour, pas à pas.",
        ),
    )
    _ensure_child(
        report,
        roles,
        StandardPageFactory,
        "charte-animateur-truc2",
        title=CHARTER_TITLE,
        intro="Ce que les animateurs de l'école d'agent à agent s'engagent à faire.",
        body=_with_page_link(
            _with_document(CHARTER, _ensure_charter_document(report)),
            "Devenir formateur interne",
            becoming,
            "Envie d'animer à votre tour ? Voici le chemin.",
        ),
    )
