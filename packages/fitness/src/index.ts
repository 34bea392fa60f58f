// Tier fitness scoring with explanations, swap suggestions and swap cascades.
export {};
