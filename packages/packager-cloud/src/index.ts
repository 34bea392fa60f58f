// Cloud packager: Docker Compose, Kubernetes manifests and a Helm chart, validated offline.
export {};
