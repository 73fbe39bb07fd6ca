"""Demo content: the needs board and the training needs agents posted, from the seeds (office
tools, public speaking, difficult public, GDPR, remote management, plain language…).

A late loader: themes and workshops exist only once the other apps' loaders ran. Community
imports none of them, so it finds themes through the need's foreign key and workshops as pages
by title; the adopted need's proposal goes through the proposals that ``events`` registered.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from community import mail, needs
from community.demo_registry import register
from community.factories import NeedsBoardPageFactory
from community.models import HomePage, NeedsBoardPage, NeedStatus, NeedVote, TrainingNeed, User

DOMAIN = "atelier.example"

# title, why, audience, urgency, theme, author and voters (e-mail local parts, author first),
# days since posted, and what became of it: None, ("answered", workshop title),
# ("adopted", trainer, proposal details) or ("closed", team note).
NEEDS = [
    (
        "Maîtriser les tableaux croisés dynamiques",
        "Chaque mois, je consolide à la main les demandes d'intervention de trois secteurs. "
        "J'y passe une demi-journée et je me trompe parfois.",
        "Les assistantes et assistants de direction",
        "high",
        "Outils bureautiques",
        [
            "thomas.martin",
            "marc.dubois",
            "lucas.robert",
            "aurelie.lambert",
            "sandrine.faure",
            "celine.garnier",
        ],
        60,
        ("answered", "Les tableaux croisés dynamiques sur tableur"),
    ),
    (
        "Prendre la parole en réunion sans perdre ses moyens",
        "Je dois présenter le bilan de mon équipement au conseil d'exploitation deux fois par "
        "an et je bafouille dès que les élus me posent une question.",
        "Les agents qui présentent devant des élus ou un public",
        "medium",
        "Pédagogie et animation",
        ["hugo.bernard", "isabelle.petit", "fatima.haddad", "mehdi.saidi"],
        45,
        ("answered", "Prendre la parole en public sans trac"),
    ),
    (
        "Faire face à un usager agressif au guichet",
        "Depuis la réforme des cartes d'identité, les rendez-vous manqués énervent des usagers. "
        "Nous avons eu deux altercations ce trimestre et personne n'a été formé.",
        "Les agents d'accueil et d'état civil",
        "high",
        "Accueil du public",
        [
            "fatima.haddad",
            "marc.dubois",
            "pierre.blanc",
            "celine.garnier",
            "isabelle.petit",
            "nadia.chevalier",
            "yannick.morel",
        ],
        30,
        ("answered", "Désamorcer les incivilités au guichet"),
    ),
    (
        "Appliquer le RGPD quand on gère des fichiers d'usagers",
        "Nous tenons des listes d'inscrits aux activités sportives sur un tableur partagé. "
        "Je ne sais pas ce que nous avons le droit de garder, ni combien de temps.",
        "Les agents qui gèrent des inscriptions ou des listes de contacts",
        "medium",
        "Actualité juridique",
        ["hugo.bernard", "lucas.robert", "celine.garnier"],
        25,
        ("answered", "Le RGPD au quotidien : escape game"),
    ),
    (
        "Manager une équipe à distance",
        "La moitié de mon équipe télétravaille deux jours par semaine. Je n'arrive plus à "
        "sentir quand quelqu'un décroche, et nos réunions en visio sont laborieuses.",
        "Les encadrants de proximité",
        "medium",
        "Management",
        [
            "celine.garnier",
            "lucas.robert",
            "thomas.martin",
            "sandrine.faure",
            "olivier.mercier",
            "mehdi.saidi",
            "aurelie.lambert",
            "yannick.morel",
        ],
        12,
        None,
    ),
    (
        "Rédiger en FALC (facile à lire et à comprendre)",
        "Nos courriers d'aide sociale sont incompris d'une partie des familles. Nous voudrions "
        "écrire les plus courants en FALC, avec des personnes concernées.",
        "Les travailleurs sociaux et les agents d'accueil",
        "medium",
        "Accueil du public",
        ["isabelle.petit", "fatima.haddad", "nadia.chevalier", "marc.dubois"],
        40,
        (
            "adopted",
            "amina.diallo",
            {
                "title": "Écrire en FALC : des courriers que tout le monde comprend",
                "pitch": "Réécrire un courrier courant selon les règles européennes du FALC, "
                "et le faire relire par des personnes concernées.",
                "description": "Un atelier pratique : chacun apporte un courrier de son "
                "service et repart avec sa version FALC relue.",
                "series": None,
                "duration_minutes": 180,
                "format": "face_to_face",
                "preferred_days": (35, 49),
            },
        ),
    ),
    (
        "L'écriture inclusive : ce que dit la règle pour nos documents",
        "Chacun fait à sa manière dans les supports de communication. Nous aimerions savoir "
        "ce que la collectivité recommande et ce que la loi impose.",
        "Les agents qui rédigent des supports de communication",
        "low",
        "Actualité juridique",
        ["isabelle.petit", "celine.garnier"],
        8,
        None,
    ),
    (
        "Travailler à plusieurs sur un même document",
        "Nous nous envoyons encore des pièces jointes « version finale 3 ». Les outils "
        "collaboratifs sont installés mais personne ne sait vraiment s'en servir.",
        "Toute une équipe, encadrant compris",
        "medium",
        "Outils bureautiques",
        ["lucas.robert", "marc.dubois", "aurelie.lambert", "mehdi.saidi", "hugo.bernard"],
        5,
        None,
    ),
    (
        "Préparer l'oral du concours d'attaché",
        "Je passe l'oral en mars. Je voudrais m'entraîner devant un jury blanc et savoir "
        "comment présenter mon parcours en dix minutes.",
        "Les agents inscrits à un concours de catégorie A",
        "high",
        "Préparation aux concours",
        ["lucas.robert", "sandrine.faure", "mehdi.saidi"],
        20,
        ("answered", "Préparer l'oral d'un concours"),
    ),
    (
        "Utiliser l'IA générative sans mettre de données en danger",
        "Des collègues collent des courriers d'usagers dans des outils en ligne pour les "
        "reformuler. Il nous faut des repères clairs et des usages sûrs.",
        "Tous les agents qui rédigent",
        "medium",
        "Numérique et innovation",
        ["marc.dubois", "thomas.martin", "yannick.morel", "pierre.blanc"],
        3,
        None,
    ),
    (
        "Concevoir un quiz pour vérifier ce que les stagiaires ont retenu",
        "J'anime des formations internes sur les marchés publics ; je voudrais savoir en fin "
        "de séance ce qui est passé, sans que cela ressemble à un examen.",
        "Les formateurs internes occasionnels",
        "low",
        "Pédagogie et animation",
        ["lucas.robert", "thomas.martin"],
        15,
        None,
    ),
    (
        "Trier les déchets en crèche",
        "Nous ne savons pas quoi faire des couches et des emballages de repas.",
        "Les équipes des crèches",
        "low",
        "Développement durable",
        ["celine.garnier"],
        90,
        (
            "closed",
            "Déjà couvert : l'atelier « Réduire les déchets du service » traite les déchets "
            "des crèches, et la direction de l'enfance a diffusé une fiche réflexe.",
        ),
    ),
]


def _user(local_part):
    return User.objects.filter(email__iexact=f"{local_part}@{DOMAIN}").first()


def _board(report, home):
    board = NeedsBoardPage.objects.first()
    report.add("pages", board is None)
    if board is None:
        board = NeedsBoardPageFactory(
            parent=home,
            title="Besoins de formation",
            slug="besoins",
            intro="Ce qui manque à votre service pour bien travailler : dites-le ici. Plus un "
            "besoin recueille de « moi aussi », plus vite il devient un atelier.",
            show_in_menus=True,
        )
    return board


def _answer(need, outcome, report):
    """What became of the need: the team's answer, an adoption, or a closure."""
    kind = outcome[0]
    if kind == "answered":
        workshop = Page.objects.live().filter(title=outcome[1]).first()
        if workshop is not None:
            need.answered_by = workshop
            need.status = NeedStatus.SCHEDULED
            need.save(update_fields=["answered_by", "status"])
    elif kind == "closed":
        need.status = NeedStatus.CLOSED
        need.team_note = outcome[1]
        need.save(update_fields=["status", "team_note"])
    elif kind == "adopted":
        trainer = _user(outcome[1])
        details = dict(outcome[2])
        today = timezone.localdate()
        details["preferred_dates"] = [today + timedelta(days=n) for n in details["preferred_days"]]
        if trainer is not None and needs.adoption_url():
            needs.adopt(need.pk, trainer, needs.proposal_of(trainer, details))
            report.add("propositions d'ateliers", True)


def _need(report, entry):
    title, why, audience, urgency, theme_name, people, days, outcome = entry
    theme = needs.theme_model().objects.filter(name=theme_name).first()
    voters = [user for user in map(_user, people) if user is not None]
    if theme is None or not voters:
        return
    need = TrainingNeed.objects.filter(title=title).first()
    report.add("besoins de formation", need is None)
    if need is not None:
        return
    need = TrainingNeed.objects.create(
        title=title, why=why, audience=audience, urgency=urgency, theme=theme, author=voters[0]
    )
    NeedVote.objects.bulk_create([NeedVote(need=need, voter=user) for user in voters])
    report.created["votes"] += len(voters)
    TrainingNeed.objects.filter(pk=need.pk).update(created_at=timezone.now() - timedelta(days=days))
    if outcome:
        _answer(need, outcome, report)


@register(late=True)
def load(report):
    home = HomePage.objects.first()
    if home is None:
        return
    _board(report, home)
    with mail.muted():
        for entry in NEEDS:
            _need(report, entry)
