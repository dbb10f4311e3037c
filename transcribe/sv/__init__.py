"""The Swedish language layer: words, numbers and dates, written once for every part of the product.

- `text`: sentences, tokens, stems, stopwords and lexical similarity;
- `numbers`: number words in both directions (21 <-> "tjugoett", 14 <-> "fjortonde");
- `calendar`: months, weekdays, the one date format and the one clock format ("kl. 10.00");
- `spoken`: written text in its spoken form (digits and abbreviations as said), for comparing texts.
"""
