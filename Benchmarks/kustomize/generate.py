#!/usr/bin/env python3
"""Writes a kustomize overlay of about N resources into DIR for Benchmarks/kustomize/run.sh.

base/: N/5 Deployments, Services, ServiceAccounts, ConfigMaps and PersistentVolumeClaims, plus
config map and secret generators the Deployments reference (so name references must be rewritten);
overlay/: namePrefix, namespace, commonLabels, commonAnnotations, a targeted strategic merge patch on
every Deployment, JSON 6902 patches, a generator merged into the base's, images and replicas.
"""
import os
import sys

def main():
    out = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    per_kind = max(1, total // 5)
    generators = max(1, per_kind // 10)
    base = os.path.join(out, "base")
    overlay = os.path.join(out, "overlay")
    os.makedirs(base, exist_ok=True)
    os.makedirs(overlay, exist_ok=True)

    files = []
    for i in range(per_kind):
        app = f"app{i:04d}"
        cfg = f"settings{i % generators:03d}"
        sec = f"creds{i % generators:03d}"
        docs = [f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {app}
  labels:
    app: {app}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: {app}
  template:
    metadata:
      labels:
        app: {app}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: {app}
      containers:
      - name: main
        image: registry.example.com/team/{app}:1.0.{i}
        args: ["--port=8080", "--log-level=info", "--name={app}"]
        ports:
        - containerPort: 8080
          name: http
        env:
        - name: INDEX
          value: "{i}"
        - name: PASSWORD
          valueFrom:
            secretKeyRef:
              name: {sec}
              key: password
        envFrom:
        - configMapRef:
            name: {cfg}
        volumeMounts:
        - name: data
          mountPath: /data
        - name: config
          mountPath: /etc/{app}
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
      - name: sidecar
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo {app} is alive and this line is long enough to be folded at eighty columns; sleep 30; done"]
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: {app}-data
      - name: config
        configMap:
          name: {app}-static
""", f"""apiVersion: v1
kind: Service
metadata:
  name: {app}
spec:
  selector:
    app: {app}
  ports:
  - name: http
    port: 80
    targetPort: http
""", f"""apiVersion: v1
kind: ServiceAccount
metadata:
  name: {app}
""", f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {app}-static
data:
  app.properties: |
    name={app}
    index={i}
    enabled=true
  mode: production
""", f"""apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {app}-data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
"""]
        name = f"{app}.yaml"
        with open(os.path.join(base, name), "w") as f:
            f.write("---\n".join(docs))
        files.append(name)

    with open(os.path.join(base, "kustomization.yaml"), "w") as f:
        f.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n")
        for name in files:
            f.write(f"- {name}\n")
        f.write("configMapGenerator:\n")
        for g in range(generators):
            f.write(f"- name: settings{g:03d}\n  literals:\n  - LEVEL=info\n  - SHARD={g}\n")
        f.write("secretGenerator:\n")
        for g in range(generators):
            f.write(f"- name: creds{g:03d}\n  literals:\n  - password=secret-{g}\n")

    with open(os.path.join(overlay, "kustomization.yaml"), "w") as f:
        f.write("""apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: prod-
namespace: production
resources:
- ../base
commonLabels:
  env: production
commonAnnotations:
  owner: platform-team
configMapGenerator:
- name: settings000
  behavior: merge
  literals:
  - LEVEL=warn
patches:
- target:
    kind: Deployment
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: main
            resources:
              limits:
                memory: 256Mi
            env:
            - name: ENVIRONMENT
              value: production
- target:
    kind: Service
    name: app00[0-4].*
  patch: |-
    - op: add
      path: /metadata/annotations/tier
      value: frontend
    - op: replace
      path: /spec/ports/0/port
      value: 8080
images:
- name: busybox
  newTag: "1.37"
replicas:
- name: app0001
  count: 3
""")

if __name__ == "__main__":
    main()
