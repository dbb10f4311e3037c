"""The web app: upload, live status, review, approval and export of meeting minutes."""
