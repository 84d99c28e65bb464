"""数据交换: the page that carries bundles between a township and the county."""
