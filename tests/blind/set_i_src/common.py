from vocab import V
def I(kind, var, reg, text, p="", a="", h="", u="none", up=None, note=""):
    return dict(kind=kind, variety=var, register=reg, text=text,
                present=[V[k] for k in p.split()], absent=[V[k] for k in a.split()],
                history=h.split(), urgent=u, up=up, note=note, pkeys=p.split(), akeys=a.split())
