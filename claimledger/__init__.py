from claimledger.api import Ledger

__all__ = ["Ledger"]
__version__ = "0.1.0"
