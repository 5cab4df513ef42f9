"""Static assets of the embeddable navigator widget (navigator.js and its demo page)."""
