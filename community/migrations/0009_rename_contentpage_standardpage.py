from django.db import migrations


class Migration(migrations.Migration):
    """ContentPage becomes StandardPage (same table rows; Django renames its content type)."""

    dependencies = [
        ("community", "0008_need_proposal_release"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameModel(old_name="ContentPage", new_name="StandardPage"),
        migrations.AlterModelOptions(
            name="standardpage",
            options={"verbose_name": "standard page", "verbose_name_plural": "standard pages"},
        ),
    ]
