"""The catalogue as Open Referral HSDS 3.0: mapping offers and providers to services and organizations."""
