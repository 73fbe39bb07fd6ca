"""Page types named by label, for apps that may not import the app that defines them
(DESIGN.md): a chooser or a lookup names the model, never imports it."""

WORKSHOP_PAGE = "events.WorkshopPage"
TRAINING_PATH_PAGE = "resources.TrainingPathPage"
