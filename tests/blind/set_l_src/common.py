H = dict(
N="HP:0003474", T="HP:0003401", TH="HP:0033660", B="HP:0012534", CR="HP:0003394", DZ="HP:0002321",
DE="HP:0001097", DM="HP:0000217", W="HP:0001324", LW="HP:0007340", UW="HP:0003484", DW="HP:0002460",
PW="HP:0003701", FD="HP:0009027", HEMI="HP:0001269", FP="HP:0010628", FW="HP:0030319", DY="HP:0002094",
DYS="HP:0002015", DAR="HP:0001260", DIP="HP:0000651", PT="HP:0000508", VL="HP:0000572", BV="HP:0000622",
EP="HP:0200026", SZ="HP:0001250", LOC="HP:0007185", CP="HP:0100749", PAL="HP:0001962", UI="HP:0000020",
BI="HP:0002607", UR="HP:0000016", UU="HP:0000012", PAR="HP:0003470", PARA="HP:0002385", F="HP:0012378",
P="HP:0012531", LP="HP:0012514", AR="HP:0002829", JS="HP:0001386", JST="HP:0001387", RASH="HP:0000988",
MR="HP:0025300", RAY="HP:0030880", OU="HP:0000155", FEV="HP:0001945", GAIT="HP:0001288", UG="HP:0002317",
IMB="HP:0002141", ATX="HP:0001251", FALL="HP:0002527", CLUM="HP:0002312", TR="HP:0001337", FAS="HP:0002380",
ATR="HP:0003202", HA="HP:0002315", BP="HP:0003418", NP="HP:0030833", MY="HP:0003326", CONF="HP:0001289",
MEM="HP:0002354", COG="HP:0100543", DEP="HP:0000716", ANX="HP:0000739", ED="HP:0100639", OH="HP:0001278",
SYN="HP:0001279", ULC="HP:0200042", VIB="HP:0002495", PHOTO="HP:0000992", ALO="HP:0001596", WL="HP:0001824",
DSK="HP:0000958", HYPO="HP:0000966", HYPER="HP:0000975", DIAR="HP:0002014", CON="HP:0002019", NV="HP:0002017",
HOARSE="HP:0001609", DROOL="HP:0002307", COUGH="HP:0012735", HEAT="HP:0002046", EDEMA="HP:0000969",
SLEEP="HP:0002360", INS="HP:0100785", TIN="HP:0000360", HI="HP:0000365", TASTE="HP:0000223",
FINE="HP:0007010", ON="HP:0100653", RD="HP:0002098", AREF="HP:0001284", HYPOR="HP:0001265", TETRA="HP:0030182",
HEMIPL="HP:0002301", FINGP="HP:0030837", KNEE="HP:0030839", ABD="HP:0002027", APNEA="HP:0002104",
)
ITEMS = []
def I(kind, var, reg, text, present="", absent="", hist="", urg="none", pres=None, note=None):
    ITEMS.append(dict(kind=kind, variety=var, register=reg, text=text,
        present=[H[x] for x in present.split()], absent=[H[x] for x in absent.split()],
        history=hist.split(), urgent=urg, pres=pres, note=note))
def E(var, reg, text, present, pres, hist="", note=None, kind="urgent"):
    I(kind, var, reg, text, present, "", hist, "emergency", pres, note)
def S(var, reg, text, present, pres, hist="", note=None, kind="urgent"):
    I(kind, var, reg, text, present, "", hist, "same_day", pres, note)
