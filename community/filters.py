"""The base of the listings' filter forms (events, directory, needs board)."""

from django import forms


class QueryStringFilterForm(forms.Form):
    """Filters read from the query string, so they work without JavaScript and can be
    bookmarked. A bad value is reported in French on its field and ignored; the others apply.

    ``ordering_fields`` name the fields that sort rather than filter.
    """

    ordering_fields = ()

    def valid_values(self):
        """``{field name: value}`` of the fields whose value is valid, asked or not."""
        self.is_valid()
        return {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }

    @property
    def is_filtered(self):
        return any(
            value for name, value in self.valid_values().items() if name not in self.ordering_fields
        )
