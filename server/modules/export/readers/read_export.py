"""
Loads a Lantern export with the tools analysts open it in, and prints what they read, as JSON:
  graphml: networkx.read_graphml and igraph's Graph.Read_GraphML
  gexf:    networkx.read_gexf
  ftm:     the followthemoney model (every schema and property known, every value valid for its
           type, every entity reference resolved) and followthemoney.graph.Graph
  anx:     i2 ANX structure (IBM publishes no schema): unique entity ids, link ends that exist,
           enumerated values from the allowed sets, references to declared types, strengths,
           attribute classes and grades
Usage: python read_export.py FORMAT FILE. Exit 0 with the JSON; non-zero when a reader refuses it.
"""
import json
import sys
import xml.etree.ElementTree as ET


def graphml(path):
    import networkx as nx
    import igraph as ig

    g = nx.read_graphml(path)
    i = ig.Graph.Read_GraphML(path)
    return {
        "networkx": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(), "multigraph": g.is_multigraph(),
                     "undirectedLinks": sum(1 for *_, d in g.edges(data=True) if d.get("directed") is False)},
        "igraph": {"nodes": i.vcount(), "edges": i.ecount(), "directed": i.is_directed()},
        "labels": sorted({str(d.get("label", "")) for _, d in g.nodes(data=True)}),
    }


def gexf(path):
    import networkx as nx

    g = nx.read_gexf(path, version="1.3") if "gexf.net/1.3" in open(path, encoding="utf-8").read(2000) else nx.read_gexf(path)
    return {
        "networkx": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(), "multigraph": g.is_multigraph(),
                     "undirectedLinks": sum(1 for *_, d in g.edges(data=True) if d.get("directed") is False)},
        "labels": sorted({str(d.get("label", "")) for _, d in g.nodes(data=True)}),
    }


# Ofcom's numbers reserved for drama (07700 900xxx, 01632 960xxx, 020 7946 0xxx, ...): the demo's
# phones are made from them, and libphonenumber, which FtM's phone type uses, calls them invalid.
DRAMA = ("+447700900", "+441632960", "+442079460", "+441134960", "+441144960", "+441154960", "+441164960", "+441174960",
         "+441184960", "+441214960", "+441314960", "+441414960", "+441514960", "+441614960", "+441914980", "+442920180", "+442896496")


def fictional(value):
    return len(value) == 13 and value.startswith(DRAMA) and value[10:].isdigit()


def ftm(path):
    from followthemoney import model
    from followthemoney.graph import Graph
    from followthemoney.types import registry

    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    ids = {r["id"] for r in rows}
    problems = []
    drama = set()
    things = edges = 0
    names = set()
    graph = Graph(edge_types=[registry.entity])
    for r in rows:
        schema = model.get(r["schema"])
        if schema is None or schema.abstract:
            problems.append(f"{r['id']}: schema {r['schema']} is unknown or abstract")
            continue
        for key, values in r["properties"].items():
            prop = schema.get(key)
            if prop is None:
                problems.append(f"{r['id']}: {schema.name} has no property {key}")
                continue
            for v in values:
                if prop.type == registry.phone and fictional(v):
                    drama.add(v)
                elif prop.type.clean(v) is None:
                    problems.append(f"{r['id']}: {schema.name}.{key} = {v!r} is not a valid {prop.type.name}")
                if prop.type == registry.entity and v not in ids:
                    problems.append(f"{r['id']}: {schema.name}.{key} refers to {v}, not in the file")
        for req in schema.required:
            if not r["properties"].get(req):
                problems.append(f"{r['id']}: {schema.name} needs {req}")
        proxy = model.get_proxy(r)
        graph.add(proxy)
        # Entities are Things; links are Intervals (UnknownLink, Associate, Directorship, ...,
        # and Call, which joins phone numbers rather than entities, so is no graph edge).
        if schema.is_a("Thing"):
            things += 1
            names.update(proxy.get("name"))
        elif schema.is_a("Interval"):
            edges += 1
        else:
            problems.append(f"{r['id']}: {schema.name} is neither a Thing nor an Interval")
    return {"entities": things, "links": edges, "problems": problems, "dramaPhones": sorted(drama), "graph": {"nodes": len(graph.nodes), "edges": len(graph.edges)}, "labels": sorted(names)}


ARROWS = {"ArrowNone", "ArrowOnHead", "ArrowOnTail", "ArrowOnBoth"}
MULTIPLICITY = {"MultiplicityMultiple", "MultiplicitySingle", "MultiplicityDirected"}
DOTS = {"DotStyleSolid", "DotStyleDashed", "DotStyleDashDot", "DotStyleDashDotDot", "DotStyleDotted"}
ATTRIBUTE_TYPES = {"AttText", "AttNumber", "AttFlag", "AttTime"}
CHART_ORDER = ["GradeOne", "GradeTwo", "GradeThree", "StrengthCollection", "AttributeClassCollection", "EntityTypeCollection", "LinkTypeCollection", "ChartItemCollection"]


def anx(path):
    root = ET.parse(path).getroot()
    problems = []
    if root.tag != "Chart":
        problems.append(f"the root is {root.tag}, not Chart")
    order = [c.tag for c in root if c.tag in CHART_ORDER]
    if order != sorted(order, key=CHART_ORDER.index):
        problems.append(f"Chart's children are out of order: {order}")
    grades = {n: len(root.findall(f"{n}/StringCollection/String")) for n in ("GradeOne", "GradeTwo", "GradeThree")}
    strengths = {s.get("Id") for s in root.findall("StrengthCollection/Strength")}
    for s in root.findall("StrengthCollection/Strength"):
        if s.get("DotStyle") not in DOTS:
            problems.append(f"strength {s.get('Id')}: DotStyle {s.get('DotStyle')} is not one of {sorted(DOTS)}")
    classes = [c.get("Name") for c in root.findall("AttributeClassCollection/AttributeClass")]
    if len(classes) != len(set(classes)):
        problems.append("attribute class names repeat")
    for c in root.findall("AttributeClassCollection/AttributeClass"):
        if c.get("Type") not in ATTRIBUTE_TYPES:
            problems.append(f"attribute class {c.get('Name')}: Type {c.get('Type')} is not one of {sorted(ATTRIBUTE_TYPES)}")
    entity_types = {t.get("Name") for t in root.findall("EntityTypeCollection/EntityType")}
    link_types = {t.get("Name") for t in root.findall("LinkTypeCollection/LinkType")}
    items = root.findall("ChartItemCollection/ChartItem")
    entity_ids = []
    labels = set()
    links = 0
    for item in items:
        for n, index in (("GradeOne", "GradeOneIndex"), ("GradeTwo", "GradeTwoIndex"), ("GradeThree", "GradeThreeIndex")):
            v = item.get(index)
            if v is not None and not (0 <= int(v) < grades[n]):
                problems.append(f"{item.get('Label')}: {index} {v} is outside {n} (0 to {grades[n] - 1})")
        for a in item.findall("AttributeCollection/Attribute"):
            if a.get("AttributeClass") not in classes:
                problems.append(f"{item.get('Label')}: attribute class {a.get('AttributeClass')} is not declared")
        end = item.find("End/Entity")
        link = item.find("Link")
        if (end is None) == (link is None):
            problems.append(f"{item.get('Label')}: a chart item is an entity or a link")
        if end is not None:
            entity_ids.append(end.get("EntityId"))
            labels.add(item.get("Label"))
            style = end.find("Icon/IconStyle")
            if style is None or style.get("Type") not in entity_types:
                problems.append(f"{end.get('EntityId')}: icon type {None if style is None else style.get('Type')} is not a declared entity type")
    known = set(entity_ids)
    if len(known) != len(entity_ids):
        problems.append("entity ids repeat")
    for item in items:
        link = item.find("Link")
        if link is None:
            continue
        links += 1
        for end in ("End1Id", "End2Id"):
            if link.get(end) not in known:
                problems.append(f"{item.get('Label')}: {end} {link.get(end)} is no entity on the chart")
        style = link.find("LinkStyle")
        if style is None:
            problems.append(f"{item.get('Label')}: no LinkStyle")
            continue
        if style.get("ArrowStyle") not in ARROWS:
            problems.append(f"{item.get('Label')}: ArrowStyle {style.get('ArrowStyle')} is not one of {sorted(ARROWS)}")
        if style.get("MlStyle") not in MULTIPLICITY:
            problems.append(f"{item.get('Label')}: MlStyle {style.get('MlStyle')} is not one of {sorted(MULTIPLICITY)}")
        if style.get("Strength") is not None and style.get("Strength") not in strengths:
            problems.append(f"{item.get('Label')}: strength {style.get('Strength')} is not declared")
        if style.get("Type") not in link_types:
            problems.append(f"{item.get('Label')}: link type {style.get('Type')} is not declared")
    return {"entities": len(entity_ids), "links": links, "problems": problems, "labels": sorted(labels)}


READERS = {"graphml": graphml, "gexf": gexf, "ftm": ftm, "anx": anx}

if __name__ == "__main__":
    fmt, path = sys.argv[1], sys.argv[2]
    print(json.dumps(READERS[fmt](path)))
