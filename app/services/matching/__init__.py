"""Answering innovators: the match and pathway service, its JSON documents, the guided intake."""
