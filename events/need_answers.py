"""How the workshops answer training needs: adoption as a proposal, news of opened sessions."""
