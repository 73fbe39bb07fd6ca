"""Demo content: a filled profile for every demo person, and the trainer directory page.

Runs late: themes are the library's, created by its own loader. A profile already filled (its
bio written) is left as it is, so re-running changes nothing.
"""

from community.demo_registry import register
from community.models import (
    ContactPreference,
    HomePage,
    Profile,
    TrainerDirectoryPage,
    User,
    Visibility,
)
from community.profile_forms import theme_model

# e-mail local part: (bio, skills, theme slugs, available, visibility, contact preference)
PROFILES = {
    "claire.moreau": (
        "Responsable du service formation. J'accompagne les formateurs internes, de l'idée "
        "d'atelier à la première séance.",
        ["ingénierie de formation", "plan de formation", "accompagnement des formateurs"],
        ["pedagogie-et-animation", "management"],
        False,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "karim.benali": (
        "Conseiller formation : je vous aide à construire votre parcours et à préparer les "
        "concours.",
        ["préparation aux concours", "parcours de formation"],
        ["preparation-aux-concours"],
        False,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "sophie.lefevre": (
        "Ingénieure pédagogique. J'aime transformer un exposé en atelier où chacun pratique.",
        ["conception pédagogique", "classe inversée", "évaluation"],
        ["pedagogie-et-animation", "numerique-et-innovation"],
        True,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "nathalie.girard": (
        "Assistante bureautique à la DSI depuis douze ans. J'anime les ateliers tableur et "
        "messagerie de la série Ap'Truc² : une astuce par séance, utile dès le lendemain.",
        ["Excel", "tableur", "messagerie", "travail collaboratif"],
        ["outils-bureautiques", "numerique-et-innovation"],
        True,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "thomas.martin": (
        "Contrôleur de gestion. Je partage des méthodes simples pour lire un budget et "
        "construire un tableau de bord.",
        ["tableaux de bord", "finances publiques", "Excel"],
        ["outils-bureautiques", "actualite-juridique"],
        True,
        Visibility.AGENTS,
        ContactPreference.TEAM,
    ),
    "amina.diallo": (
        "Travailleuse sociale. J'anime des ateliers sur l'accueil des publics en difficulté "
        "et le langage clair.",
        ["accueil du public", "situations difficiles", "langage clair", "écoute active"],
        ["accueil-du-public"],
        True,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "julien.roux": (
        "Chef d'équipe propreté. Je forme mes collègues aux gestes et postures et à la "
        "prévention des risques sur le terrain.",
        ["gestes et postures", "prévention des risques", "management de proximité"],
        ["management"],
        False,
        Visibility.TEAM,
        ContactPreference.TEAM,
    ),
    "elodie.fontaine": (
        "Chargée de mission transition écologique. J'anime les rencontres Éco'Truc² : "
        "sobriété, achats responsables, fresque du climat.",
        ["fresque du climat", "sobriété", "achats responsables", "animation de groupe"],
        ["developpement-durable", "pedagogie-et-animation"],
        True,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "marc.dubois": (
        "Officier d'état civil. Curieux de tout, j'aimerais partager mes fiches pratiques.",
        ["état civil", "procédures"],
        ["actualite-juridique"],
        False,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "isabelle.petit": (
        "Bibliothécaire. Je peux animer un atelier sur la recherche documentaire et la "
        "lecture à voix haute.",
        ["recherche documentaire", "lecture à voix haute"],
        ["numerique-et-innovation"],
        True,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "hugo.bernard": (
        "Éducateur sportif. Échauffements, pauses actives : je peux ouvrir vos formations "
        "par dix minutes de mouvement.",
        ["pauses actives", "brise-glace"],
        ["pedagogie-et-animation"],
        False,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "fatima.haddad": (
        "Agente d'accueil à l'hôtel de ville. J'apprends beaucoup des ateliers Ap'Truc².",
        ["accueil téléphonique"],
        ["accueil-du-public"],
        False,
        Visibility.TEAM,
        ContactPreference.NONE,
    ),
    "lucas.robert": (
        "Acheteur public. Les marchés publics expliqués simplement, c'est possible.",
        ["commande publique", "achats responsables"],
        ["actualite-juridique", "developpement-durable"],
        False,
        Visibility.AGENTS,
        ContactPreference.MESSAGE,
    ),
    "celine.garnier": (
        "Directrice de crèche. Je m'intéresse au management d'équipe et à la communication "
        "bienveillante.",
        ["management d'équipe", "communication bienveillante"],
        ["management"],
        False,
        Visibility.AGENTS,
        ContactPreference.TEAM,
    ),
}


def _directory(report):
    page = TrainerDirectoryPage.objects.first()
    report.add("pages", page is None)
    if page is None:
        home = HomePage.objects.first()
        page = TrainerDirectoryPage(
            title="Annuaire des formateurs",
            slug="formateurs",
            intro=(
                "Les formateurs internes et les collègues prêts à animer : trouvez qui sait "
                "faire, par compétence, thème, service ou badge."
            ),
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def _profile(report, local_part, entry):
    bio, skills, themes, available, visibility, contact = entry
    user = User.objects.filter(email__iexact=f"{local_part}@atelier.example").first()
    if user is None:
        return
    profile, _created = Profile.objects.get_or_create(user=user)
    filled = bool(profile.bio)
    report.add("profils", not filled)
    if filled:
        return
    profile.bio = bio
    profile.available_to_facilitate = available
    profile.visibility = visibility
    profile.contact_preference = contact
    profile.skills.set(skills)
    profile.save()
    profile.themes.set(theme_model().objects.filter(slug__in=themes))


@register(late=True)
def load(report):
    if not HomePage.objects.exists():
        return
    _directory(report)
    for local_part, entry in PROFILES.items():
        _profile(report, local_part, entry)
