from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the autocomplete hints the RGAA asks for (criterion 11.13)."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "This e-mail address and password do not match any account. Check them and try "
            "again; the password is case-sensitive."
        ),
    }

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class AdminSignInForm(WagtailLoginForm):
    """Wagtail's admin sign-in, with a translated label on the password field (Wagtail 8 leaves
    it unlabelled, so Django shows the English field name « Password ») and the same
    autocomplete hints as the site's form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields["password"]  # Wagtail's field, placeholder included
        password.label = _("Password")
        password.widget.attrs["autocomplete"] = "current-password"
