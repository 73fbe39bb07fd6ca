"""Demo content of the library: the themes training teams in the seeds actually use."""

from django.utils.text import slugify

from community.demo_registry import register
from resources.models import Theme

THEMES = [
    ("Outils bureautiques", "Traitement de texte, tableur, messagerie, travail collaboratif."),
    ("Management", "Animer une équipe, conduire le changement, communauté des managers."),
    (
        "Accueil du public",
        "Accueil physique et téléphonique, situations difficiles, langage clair.",
    ),
    ("Développement durable", "Sobriété, achats responsables, rencontres Éco'Truc²."),
    ("Préparation aux concours", "Méthodologie des épreuves écrites et orales."),
    (
        "Pédagogie et animation",
        "Concevoir une séquence, animer un groupe, brise-glace, évaluation.",
    ),
    ("Actualité juridique", "Réformes, statut de la fonction publique, conférences Ac'Truc²."),
    ("Numérique et innovation", "Outils numériques, innovation publique, données."),
]


@register
def load(report):
    for name, description in THEMES:
        _theme, created = Theme.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
        report.add("thèmes", created)
