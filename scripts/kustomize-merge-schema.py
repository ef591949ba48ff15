#!/usr/bin/env python3
"""Regenerates Sources/TackKustomize/Patch/MergeSchemaData.swift: the strategic-merge list keys of
the Kubernetes 1.21.2 OpenAPI schema that kustomize v5.5 embeds.

Usage: scripts/kustomize-merge-schema.py PATH/TO/kyaml/openapi/kubernetesapi/v1_21_2/swagger.pb > out.swift

The input is the gnostic OpenAPI v2 protobuf shipped in kustomize's kyaml module. Only what a merge
needs is kept: for each definition, the fields that lead (possibly through other definitions) to a
list with `x-kubernetes-patch-strategy: merge`, and that list's keys (`x-kubernetes-list-map-keys`,
else `x-kubernetes-patch-merge-key`, else none for a primitive set); and which definition each
apiVersion/kind uses. Requires PyYAML.
"""
import sys
import yaml

def varint(b, i):
    r = 0; s = 0
    while True:
        c = b[i]; i += 1
        r |= (c & 0x7f) << s; s += 7
        if c < 0x80:
            return r, i

def fields(b):
    i = 0; out = []
    while i < len(b):
        key, i = varint(b, i); f = key >> 3; t = key & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 2:
            l, i = varint(b, i); v = b[i:i + l]; i += l
        elif t == 1:
            v = b[i:i + 8]; i += 8
        elif t == 5:
            v = b[i:i + 4]; i += 4
        else:
            raise Exception("wire type %d" % t)
        out.append((f, t, v))
    return out

# gnostic openapi_v2.Schema field numbers: 1 $ref, 21 additionalProperties, 22 type,
# 23 items, 25 properties, 31 vendor extensions (NamedAny{name=1, value=Any{yaml=2}}).
def schema(b):
    s = {}
    for f, t, v in fields(b):
        if f == 1:
            s['$ref'] = v.decode()
        elif f == 22:
            s['type'] = [x[2].decode() for x in fields(v)]
        elif f == 23:
            s['items'] = [schema(x[2]) for x in fields(v)]
        elif f == 25:
            s['properties'] = dict(named(x[2]) for x in fields(v))
        elif f == 21:
            for ff, tt, vv in fields(v):
                if ff == 1:
                    s['additionalProperties'] = schema(vv)
        elif f == 31:
            name = None; text = None
            for ff, tt, vv in fields(v):
                if ff == 1:
                    name = vv.decode()
                if ff == 2:
                    for f3, t3, v3 in fields(vv):
                        if f3 == 2:
                            text = v3.decode()
            s.setdefault('ext', {})[name] = text
    return s

def named(b):
    name = None; val = None
    for f, t, v in fields(b):
        if f == 1:
            name = v.decode()
        if f == 2:
            val = schema(v)
    return name, val

def main():
    data = open(sys.argv[1], 'rb').read()
    defs = {}
    for f, t, v in fields(data):
        if f == 9:  # Document.definitions
            for ff, tt, vv in fields(v):
                n, s = named(vv)
                defs[n] = s

    def ref(s):
        r = s.get('$ref')
        return r.split('/')[-1] if r else None

    def is_merge(s):
        st = (s.get('ext') or {}).get('x-kubernetes-patch-strategy')
        return st is not None and 'merge' in st.strip().split(',')

    def children(s):
        out = list((s.get('properties') or {}).values()) + list(s.get('items') or [])
        if 'additionalProperties' in s:
            out.append(s['additionalProperties'])
        return out

    reach = {}
    def node_reaches(s, stack):
        if is_merge(s):
            return True
        r = ref(s)
        if r:
            return def_reaches(r, stack)
        return any(node_reaches(c, stack) for c in children(s))

    def def_reaches(name, stack=()):
        if name in reach:
            return reach[name]
        if name in stack:
            return False
        reach[name] = node_reaches(defs[name], stack + (name,))
        return reach[name]

    for n in defs:
        def_reaches(n)

    def short(n):
        for p in ['io.k8s.api.', 'io.k8s.apimachinery.pkg.apis.meta.', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.',
                  'io.k8s.kube-aggregator.pkg.apis.apiregistration.', 'io.k8s.apimachinery.pkg.']:
            if n.startswith(p):
                return n[len(p):]
        return n

    def enc(s):
        r = ref(s)
        keys = None
        if is_merge(s):
            ext = s['ext']
            if 'x-kubernetes-list-map-keys' in ext:
                keys = yaml.safe_load(ext['x-kubernetes-list-map-keys'])
            elif 'x-kubernetes-patch-merge-key' in ext:
                keys = [yaml.safe_load(ext['x-kubernetes-patch-merge-key'])]
            else:
                keys = []
        if r:
            return '@' + short(r) if reach[r] else '.'
        if (s.get('type') or []) == ['array']:
            items = s.get('items') or []
            inner = enc(items[0]) if items else '-'
            if keys is None and inner in ('.', '-'):
                return '.'
            return ('M(' + ','.join(keys) + ')' if keys is not None else '') + '[' + inner
        if 'additionalProperties' in s:
            inner = enc(s['additionalProperties'])
            return '.' if inner == '.' else '{' + inner
        return '.'

    types = []
    for n in sorted(defs):
        if not reach[n]:
            continue
        parts = [k + '=' + enc(v) for k, v in sorted((defs[n].get('properties') or {}).items()) if enc(v) != '.']
        types.append(short(n) + ' ' + ' '.join(parts))
    roots = []
    for n, s in defs.items():
        g = (s.get('ext') or {}).get('x-kubernetes-group-version-kind')
        if g:
            for e in yaml.safe_load(g):
                av = (e['group'] + '/' if e['group'] else '') + e['version']
                roots.append(av + ' ' + e['kind'] + ' ' + (short(n) if reach[n] else '.'))
    roots.sort()
    print('// Generated by scripts/kustomize-merge-schema.py from the Kubernetes 1.21.2 OpenAPI schema')
    print('// kustomize v5.5 embeds (kyaml/openapi/kubernetesapi/v1_21_2). Do not edit by hand.')
    print('')
    print('extension MergeSchema {')
    print('  /// `Type field=node …`: `@T` another type, `[n` a list of n, `M(k1,k2)[n` a merge list with')
    print('  /// those keys (`M()` a set of scalars), `{n` a map of n, `.` nothing mergeable below.')
    print('  static let typeTable = """')
    for line in types:
        print(line)
    print('"""')
    print('')
    print('  /// `apiVersion Kind Type` (`.` when the kind\'s schema holds no merge list).')
    print('  static let rootTable = """')
    for line in roots:
        print(line)
    print('"""')
    print('}')

main()
