from . import push
