"""Files the app serves itself: the script that starts Swagger UI on /docs."""
