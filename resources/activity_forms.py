"""Forms an agent fills on an activity's page: "I used it" and a rating."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resources.models import Rating, Reuse


class ReuseForm(forms.ModelForm):
    class Meta:
        model = Reuse
        fields = ["used_on", "context"]
        widgets = {"used_on": forms.DateInput(attrs={"type": "date"})}

    def clean_used_on(self):
        used_on = self.cleaned_data["used_on"]
        if used_on > timezone.localdate():
            raise forms.ValidationError(_("The date of use cannot be in the future."))
        return used_on


class RatingForm(forms.ModelForm):
    score = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, f"{n}/5") for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Rating
        fields = ["score", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
