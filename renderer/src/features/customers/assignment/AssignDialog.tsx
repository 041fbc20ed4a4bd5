/** 均衡分配 (placeholder until assignment lands). */
export function AssignDialog(_props: { open: boolean; onClose: () => void }) {
  return null
}
