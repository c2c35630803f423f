"""The jobs a person may open on their own pages: vacancies matched to them or told to them."""
