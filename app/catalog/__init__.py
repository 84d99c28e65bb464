"""The service catalog (事项目录 / 办事指南): items, their versions, materials and steps."""
