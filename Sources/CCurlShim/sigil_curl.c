// Implementation: the SigilNet helper writes sigil_curl.c.
