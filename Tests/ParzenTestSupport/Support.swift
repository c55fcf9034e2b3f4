import Parzen
